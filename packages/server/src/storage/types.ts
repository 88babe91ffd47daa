/** One stored object as listed: its key, size and last modification time. */
export interface ObjectInfo {
  readonly key: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

/** An object's bytes: one buffer, or pieces stored back to back (written without joining). */
export type ObjectBody = Uint8Array | readonly Uint8Array[];

/** The pieces of a body, as a list. */
export function piecesOf(body: ObjectBody): readonly Uint8Array[] {
  return body instanceof Uint8Array ? [body] : body;
}

/**
 * The one storage interface every adapter implements (local filesystem, S3-compatible).
 * Keys are `/`-separated paths of safe segments (see {@link isSafeKey}).
 *
 * Guarantees: `put` is atomic — after a crash a reader sees the old bytes or the new ones, never
 * a partial object; `delete` is idempotent; `appendAudit` never rewrites earlier lines.
 */
export interface Storage {
  /** Stores `body` under `key`, replacing any previous object, atomically. */
  put(key: string, body: ObjectBody): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /**
   * The first `length` (≥ 1) bytes under `key` (all of them if the object is shorter), or null
   * when there is none: lets a reader take an upload's record without its image.
   */
  getHead(key: string, length: number): Promise<Uint8Array | null>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix` (a folder: empty or ending in `/`), sorted. */
  list(prefix: string): Promise<ObjectInfo[]>;
  /** Appends one audit event (a JSON line, no trailing newline) to the append-only audit log. */
  appendAudit(line: string): Promise<void>;
  /** Every audit line, in the order appended (for `audit-verify`). */
  readAudit(): Promise<string[]>;
  /** Releases handles and clients; the storage must not be used afterwards. */
  close(): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** True when `key` is made of safe segments only: no `..`, no empty, absolute or odd paths. */
export function isSafeKey(key: string): boolean {
  if (key.length === 0 || key.length > 1024) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment) && !segment.includes('..'));
}

/** True when `prefix` is empty or a safe key followed by `/`. */
export function isSafePrefix(prefix: string): boolean {
  return prefix === '' || (prefix.endsWith('/') && isSafeKey(prefix.slice(0, -1)));
}

/** Throws unless `key` is safe: a programming error, never reachable from request input. */
export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
}

/** Throws unless `prefix` is a safe folder prefix. */
export function assertSafePrefix(prefix: string): void {
  if (!isSafePrefix(prefix)) throw new Error(`unsafe storage prefix: ${JSON.stringify(prefix)}`);
}
