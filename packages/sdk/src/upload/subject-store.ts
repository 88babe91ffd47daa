import * as v from 'valibot';
import type { KeyValueStore } from './kv-store.js';

/** Key of the subject record in the store. */
export const SUBJECT_ENTRY = 'subject';

const SubjectRecordSchema = v.object({
  /** Pseudonymous bearer token the server minted; needed for export and erasure. */
  token: v.optional(v.string()),
  /** Receipt ids already registered with `POST /v1/consents`. */
  registered: v.array(v.string()),
  /** Set when a withdrawal/erasure could not reach the server yet; retried on online/reload. */
  pendingErasure: v.optional(
    v.object({ receiptIds: v.array(v.string()), withdrawnAt: v.optional(v.string()) }),
  ),
});

/** What the device keeps about the shopper's server-side subject. */
export type SubjectRecord = v.InferOutput<typeof SubjectRecordSchema>;

/** An erasure still owed to the server. */
export type PendingErasure = NonNullable<SubjectRecord['pendingErasure']>;

/** The subject token and registered receipts, kept for export and erasure, then forgotten. */
export interface SubjectStore {
  /** The record, or null when none exists (never creates storage). */
  read(): Promise<SubjectRecord | null>;
  /** Stores `token` (a freshly minted subject replaces the old one). */
  setToken(token: string): Promise<void>;
  markRegistered(receiptId: string): Promise<void>;
  /** Forgets one registration, or (`dropToken`) the token and every registration made with it. */
  forgetRegistration(receiptId: string, dropToken: boolean): Promise<void>;
  /** Notes that erasure is owed, so it survives a reload until the server confirms it. */
  markErasurePending(erasure: PendingErasure): Promise<void>;
  /** Forgets everything: the whole upload database is deleted. */
  forget(): Promise<void>;
}

/** Creates the subject store over `store` (shared with the queue, distinct keys). */
export function createSubjectStore(store: KeyValueStore): SubjectStore {
  const load = async (): Promise<SubjectRecord | null> => {
    if (!(await store.exists())) return null;
    const parsed = v.safeParse(SubjectRecordSchema, await store.get(SUBJECT_ENTRY));
    return parsed.success ? parsed.output : null;
  };
  // One transaction per change, so concurrent registrations cannot lose each other's writes.
  const change = (edit: (old: SubjectRecord) => SubjectRecord) =>
    store.update(SUBJECT_ENTRY, (raw) => {
      const parsed = v.safeParse(SubjectRecordSchema, raw);
      return edit(parsed.success ? parsed.output : { registered: [] });
    });
  return {
    read: load,
    setToken: (token) => change((old) => ({ ...old, token })),
    markRegistered: (receiptId) =>
      change((old) =>
        old.registered.includes(receiptId)
          ? old
          : { ...old, registered: [...old.registered, receiptId] },
      ),
    forgetRegistration: (receiptId, dropToken) =>
      change(({ token, registered, ...rest }) => ({
        ...rest,
        token: dropToken ? undefined : token,
        registered: dropToken ? [] : registered.filter((id) => id !== receiptId),
      })),
    markErasurePending: (erasure) =>
      change((old) => ({
        ...old,
        pendingErasure: {
          receiptIds: unique([...(old.pendingErasure?.receiptIds ?? []), ...erasure.receiptIds]),
          withdrawnAt: erasure.withdrawnAt ?? old.pendingErasure?.withdrawnAt,
        },
      })),
    async forget() {
      if (await store.exists()) await store.destroy();
    },
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
