import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestTimeouts } from '../config.js';
import { errorBody, HttpError } from '../errors.js';

/** Progress of one request body. */
export interface BodyPace {
  /** When the body could start arriving (headers received), ms. */
  readonly startedAt: number;
  /** When the last body bytes arrived, ms. */
  readonly lastProgressAt: number;
  readonly received: number;
}

/**
 * True when a body arrives too slowly: nothing for `bodyIdleMs`, or on average slower than
 * `minBodyBytesPerSecond` once its head start of `bodyIdleMs` is used up (each byte earns
 * `1 / rate` seconds, as Apache's mod_reqtimeout `MinRate` does). A 1 byte/s trickle is cut
 * after about `bodyIdleMs`; a real upload at any usable speed never is.
 */
export function bodyTooSlow(pace: BodyPace, now: number, limits: RequestTimeouts): boolean {
  if (now - pace.lastProgressAt > limits.bodyIdleMs) return true;
  const earned = (pace.received / limits.minBodyBytesPerSecond) * 1000;
  return now - pace.startedAt > limits.bodyIdleMs + earned;
}

/** True while a request still has body bytes to come (none declared: nothing to wait for). */
export function bodyPending(raw: IncomingMessage): boolean {
  if (raw.complete || raw.readableEnded) return false;
  const length = raw.headers['content-length'];
  return (length !== undefined && length !== '0') || raw.headers['transfer-encoding'] !== undefined;
}

/** The error a body cut for slowness fails with. */
export function bodyTimeout(): HttpError {
  return new HttpError(408, 'request_timeout', 'The request body arrived too slowly.');
}

/**
 * The cut-off of one request's body: a reader sets `onCut` while it reads (and clears it
 * after), and it is called once if the body is cut for slowness. A plain slot, not an
 * AbortController: one of those (and its EventTarget listeners) per upload showed in the
 * ingest profile.
 */
export interface BodyDeadline {
  /** True once the body was cut. */
  cut: boolean;
  /** Called when the body is cut, if set then. */
  onCut: (() => void) | null;
}

interface Watch {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly deadline: BodyDeadline;
  readonly startBytes: number;
  startedAt: number;
  lastProgressAt: number;
  lastBytes: number;
}

const deadlines = new WeakMap<IncomingMessage, BodyDeadline>();

/** The cut-off of this request's body (see {@link BodyDeadline}); body readers listen to it. */
export function bodyDeadline(request: FastifyRequest): BodyDeadline | undefined {
  return deadlines.get(request.raw);
}

/** How often bodies in flight are checked. */
const CHECK_EVERY_MS = 250;

/**
 * Bounds every request, in one place. Node's own limits: `headersTimeout` for the request
 * line and headers, `requestTimeout` for the whole request (checked every second). On top, each
 * body in flight is watched (received bytes as the socket counts them, so body readers need
 * not cooperate) and cut by {@link bodyTooSlow}: its reader is aborted (a 408 through the
 * usual error path), or the 408 is sent here if the reader does not answer. Whenever an answer
 * goes out before its request's body was read — an early 401, a 413, a 503 — the connection is
 * closed after it, so an unread body never keeps a socket (or its buffers) alive.
 */
export function installRequestLimits(app: FastifyInstance, limits: RequestTimeouts): void {
  const watches = new Set<Watch>();
  const timer = setInterval(() => {
    const now = Date.now();
    for (const watch of watches) check(watch, now);
  }, CHECK_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  const check = (watch: Watch, now: number): void => {
    const { raw } = watch.request;
    if (!bodyPending(raw) || raw.socket.destroyed) {
      watches.delete(watch);
      return;
    }
    const bytes = raw.socket.bytesRead - watch.startBytes;
    if (bytes > watch.lastBytes) {
      watch.lastBytes = bytes;
      watch.lastProgressAt = now;
    }
    const pace = {
      startedAt: watch.startedAt,
      lastProgressAt: watch.lastProgressAt,
      received: bytes,
    };
    if (!bodyTooSlow(pace, now, limits)) return;
    watches.delete(watch);
    watch.deadline.cut = true;
    watch.deadline.onCut?.();
    // A reader that listens answers within a turn; anything else (the JSON parser) is answered here.
    setImmediate(() => {
      if (watch.reply.sent) return;
      const error = bodyTimeout();
      watch.reply.code(error.status).send(errorBody(error.code, error.message));
    });
  };

  // Callback hooks, not async ones: a promise and a microtask less per hook and request.
  app.addHook('onRequest', (request, reply, done) => {
    if (bodyPending(request.raw)) {
      const deadline: BodyDeadline = { cut: false, onCut: null };
      deadlines.set(request.raw, deadline);
      const now = Date.now();
      watches.add({
        request,
        reply,
        deadline,
        startBytes: request.raw.socket.bytesRead,
        startedAt: now,
        lastProgressAt: now,
        lastBytes: 0,
      });
    }
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (bodyPending(request.raw)) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (request, _reply, done) => {
    // The answer is out; what is left of the body is not worth a socket.
    if (bodyPending(request.raw)) request.raw.socket.destroy();
    done();
  });
}

/** Slots for upload bodies held in memory; {@link UploadSlots.take} refuses past the cap. */
export interface UploadSlots {
  /** Takes a slot or throws `503 server_busy` with `Retry-After`; call the result to give it back. */
  take(): () => void;
}

/** A cap of `max` upload bodies in memory at once. */
export function createUploadSlots(max: number): UploadSlots {
  let used = 0;
  return {
    take() {
      if (used >= max) {
        throw new HttpError(503, 'server_busy', 'Too many uploads in progress; retry shortly.', {
          'retry-after': '1',
        });
      }
      used += 1;
      let given = false;
      return () => {
        if (given) return;
        given = true;
        used -= 1;
      };
    },
  };
}
