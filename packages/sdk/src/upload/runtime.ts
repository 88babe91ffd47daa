import type { ConsentReceipt } from '@fittingroom/protocol';
import type { ApiContext } from './api.js';
import { postConsent } from './api.js';
import type { ResolvedConfig } from './config.js';
import { checkUploadConsent, type GateResult } from './consent-gate.js';
import { UploadError } from './errors.js';
import type { KeyValueStore } from './kv-store.js';
import type { UploadQueue } from './queue.js';
import type { SubjectStore } from './subject-store.js';

/** Why in-flight work is being cancelled. */
export type CancelReason = 'user' | 'closed' | 'withdrawn' | 'erased';

/** Something in flight the client can cancel (an upload or a resumed delivery). */
export interface Cancellable {
  cancel(reason: CancelReason): void;
}

/** State and shells shared by uploads, resume and erasure of one client. */
export interface Runtime {
  readonly config: ResolvedConfig;
  readonly api: ApiContext;
  readonly store: KeyValueStore;
  readonly queue: UploadQueue;
  readonly subject: SubjectStore;
  readonly crypto: Crypto;
  /** Latest token, also kept in memory so an erasure racing a first upload still finds it. */
  readonly token: string | null;
  /** Set by {@link Runtime.close}: nothing new may start. */
  readonly closed: boolean;
  /** Nothing new may start from now on. */
  close(): void;
  /** Remembers receipts withdrawn in this session: the gate refuses them from now on. */
  markWithdrawn(receiptIds: readonly string[]): void;
  /**
   * Marks item `id` as being sent by `job`, so it is never sent twice at once and a cancel
   * reaches it. Returns the release function, or null when that item is already being sent.
   */
  claim(id: string, job: Cancellable): (() => void) | null;
  /** Keeps `token` (from an upload's answer) when the device has none yet. */
  adoptToken(token: string, signal: AbortSignal): Promise<void>;
  /** Forgets the subject: token in memory and on the device. */
  forget(): Promise<void>;
  /** Consent verdict for uploading now. */
  gate(): GateResult;
  /** Registers `receipt` with the server once; resolves with the bearer token to use. */
  register(receipt: ConsentReceipt): Promise<string | null>;
  /**
   * Undoes what the device believes about a registration the server no longer knows: the receipt
   * (server said `consent_missing`) or the whole subject token (server said `invalid_token`).
   */
  unregister(receiptId: string, tokenRejected: boolean): Promise<void>;
  /** Cancels everything in flight (registrations included) and starts a new epoch. */
  cancelAll(reason: CancelReason): void;
}

/** Shells a runtime is built from. */
export interface RuntimeShells {
  readonly api: ApiContext;
  readonly store: KeyValueStore;
  readonly queue: UploadQueue;
  readonly subject: SubjectStore;
  readonly crypto: Crypto;
}

/** Builds the shared runtime of one client. */
export function createRuntime(config: ResolvedConfig, shells: RuntimeShells): Runtime {
  const inflight = new Map<string, Promise<string | null>>();
  // Shared registrations are not tied to one upload's signal, only to the client's epoch.
  let epoch = new AbortController();
  let queue: Promise<unknown> = Promise.resolve();
  let token: string | null = null;
  let closed = false;
  const withdrawn = new Set<string>();
  const active = new Map<string, Cancellable>();
  const runtime: Runtime = {
    ...shells,
    config,
    get token() {
      return token;
    },
    get closed() {
      return closed;
    },
    close: () => {
      closed = true;
    },
    markWithdrawn: (receiptIds) => {
      for (const id of receiptIds) withdrawn.add(id);
    },
    claim(id, job) {
      if (active.has(id)) return null;
      active.set(id, job);
      return () => {
        if (active.get(id) === job) active.delete(id);
      };
    },
    async adoptToken(given, signal) {
      if (!given) return;
      token ??= given;
      const record = await runtime.subject.read();
      if (record?.token || signal.aborted) return;
      await runtime.subject.setToken(given);
    },
    async forget() {
      token = null;
      await runtime.subject.forget();
    },
    gate: () => checkUploadConsent(config.consent, config.now(), withdrawn),
    register(receipt) {
      const id = receipt.consentReceiptID;
      let pending = inflight.get(id);
      if (!pending) {
        // One registration at a time: a second one must see the token the first one got,
        // or the server would mint two subjects and one could never be erased.
        const signal = epoch.signal;
        pending = queue
          .then(() => registerOnce(runtime, receipt, signal, (t) => (token = t)))
          .finally(() => inflight.delete(id));
        queue = pending.catch(() => null);
        inflight.set(id, pending);
      }
      return pending;
    },
    async unregister(receiptId, tokenRejected) {
      if (tokenRejected) token = null;
      await runtime.subject.forgetRegistration(receiptId, tokenRejected);
    },
    cancelAll(reason) {
      epoch.abort(new UploadError('aborted', `cancelled: ${reason}`));
      epoch = new AbortController();
      inflight.clear();
      for (const job of [...active.values()]) job.cancel(reason);
    },
  };
  return runtime;
}

/**
 * `POST /v1/consents {kind:'grant'}` unless this receipt is already registered; stores a newly
 * minted subject token. Writes are skipped once `signal` aborted (a withdrawal is purging).
 */
async function registerOnce(
  rt: Runtime,
  receipt: ConsentReceipt,
  signal: AbortSignal,
  keepToken: (token: string) => void,
): Promise<string | null> {
  const id = receipt.consentReceiptID;
  const record = await rt.subject.read();
  const known = record?.token ?? rt.token;
  if (record?.registered.includes(id)) return known;
  const ack = await postConsent(rt.api, { kind: 'grant', receipt }, known, { signal });
  if (ack.receiptId !== id) {
    throw new UploadError('invalid_response', 'consent acknowledgement names another receipt');
  }
  if (ack.status === 'withdrawn') {
    throw new UploadError('consent_withdrawn', 'the server holds this consent as withdrawn');
  }
  const token = ack.subjectToken ?? known;
  if (ack.subjectToken) keepToken(ack.subjectToken);
  signal.throwIfAborted();
  if (ack.subjectToken) await rt.subject.setToken(ack.subjectToken);
  signal.throwIfAborted();
  await rt.subject.markRegistered(id);
  return token;
}
