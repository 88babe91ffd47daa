import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type * as v from 'valibot';
import { LockTimeoutError } from '../coordination/types.js';
import { errorBody, HttpError } from '../errors.js';
import { loggedPath } from './url.js';

function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return null;
  const status = error.statusCode;
  return typeof status === 'number' ? status : null;
}

/**
 * Maps anything thrown to an {@link HttpError}: ours pass through, the framework's client errors
 * (bad JSON, body too large, wrong content type) keep their status with a stable code, and
 * everything else becomes a 500 that reveals nothing.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  // Another request with this key held its lock too long (or Redis is away): nothing was written.
  if (error instanceof LockTimeoutError) {
    return new HttpError(
      503,
      'server_busy',
      'The server is busy with this request; retry shortly.',
      {
        'retry-after': '1',
      },
    );
  }
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message : 'Bad request.';
  if (status === 413)
    return new HttpError(413, 'payload_too_large', 'The request body is too large.');
  if (status === 429) return new HttpError(429, 'rate_limited', 'Too many requests; slow down.');
  if (status === 415) return new HttpError(415, 'invalid_request', detail);
  if (status !== null && status >= 400 && status < 500) {
    return new HttpError(status === 406 ? 400 : status, 'invalid_request', detail);
  }
  return new HttpError(500, 'internal', 'The server failed to handle this request.');
}

/** One readable line from valibot issues, naming the fields at fault. */
export function describeIssues(what: string, issues: readonly v.BaseIssue<unknown>[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return `Invalid ${what}: ${parts.join('; ')}.`;
}

/** Installs the JSON error and not-found answers (`{ error: { code, message } }`). */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error);
    if (http.code === 'internal') request.log.error({ err: error }, 'request failed');
    return reply.status(http.status).headers(http.headers).send(errorBody(http.code, http.message));
  });
  app.setNotFoundHandler(answerNotFound);
}

/** The 404 answer; the path is echoed without its query (which may carry a token). */
export function answerNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .status(404)
    .send(errorBody('not_found', `No route for ${request.method} ${loggedPath(request.url)}.`));
}

/**
 * Answers errors Node's HTTP parser sees before any route runs (a body cut off before its
 * declared length, malformed request lines) in the same JSON shape, then closes the socket.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const body = JSON.stringify(
    timeout
      ? errorBody('request_timeout', 'The request took too long to arrive.')
      : errorBody('invalid_request', 'The request is malformed or was cut off.'),
  );
  socket.end(
    `HTTP/1.1 ${timeout ? '408 Request Timeout' : '400 Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
