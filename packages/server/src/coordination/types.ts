/**
 * What instances must agree on: who may commit an upload id now (idempotency), and which uploads
 * of a subject are between their consent check and their commit (erasure waits for them). One
 * process keeps both in memory; several share them through Redis (`FR_REDIS_URL`).
 */
export interface Coordination {
  /** `memory` (this process only) or `redis` (shared by every instance on the same Redis). */
  readonly kind: 'memory' | 'redis';
  /** Runs `work` while holding the lock `name`; callers with the same name run one at a time. */
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Notes one upload of `subjectId` in flight; call the returned function when it is over. */
  beginFlight(subjectId: string): Promise<() => Promise<void>>;
  /** Resolves once no upload of `subjectId` is in flight (or `timeoutMs` passed). */
  settled(subjectId: string, timeoutMs: number): Promise<void>;
  /** Releases connections; nothing may be used afterwards. */
  close(): Promise<void>;
}

/** A lock not granted in time: the caller answers 503, nothing was written. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
  constructor(readonly lock: string) {
    super(`lock ${lock} not granted in time`);
  }
}
