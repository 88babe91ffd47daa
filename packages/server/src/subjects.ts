import type { KeyMode } from '@fittingroom/protocol';
import type { Context } from './context.js';
import { hashToken, isTokenShaped, newSubjectToken, sameDigest } from './crypto.js';
import { fenceSubject, liftFence } from './fence.js';
import { IndexDocSchema, readDoc, SubjectDocSchema, writeDoc, writeIndex } from './records/docs.js';
import { KEYS, parseUploadKey } from './records/keys.js';

/** A random (version 4) UUID from injected randomness. */
export function randomUuid(random: (size: number) => Uint8Array): string {
  const bytes = Buffer.from(random(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The subject a token belongs to, or null for an unknown, erased or malformed token. */
export async function resolveSubject(ctx: Context, token: string): Promise<string | null> {
  if (!isTokenShaped(token)) return null;
  // A token minted before a key rotation is indexed under an older key's hash.
  for (const keys of ctx.ring.all) {
    const hash = hashToken(keys, token);
    const entry = await readDoc(ctx, KEYS.tokenIndex(hash), IndexDocSchema);
    if (!entry) continue;
    const subject = await readDoc(ctx, KEYS.subject(entry.subjectId), SubjectDocSchema);
    return subject && sameDigest(subject.tokenHash, hash) ? subject.subjectId : null;
  }
  return null;
}

/**
 * Creates a pseudonymous subject and its token. The subject record is written before the token
 * index, so a crash in between leaves an unreachable subject the sweeper removes, never a token
 * pointing nowhere.
 */
export async function mintSubject(
  ctx: Context,
  mode: KeyMode = 'live',
): Promise<{ subjectId: string; token: string }> {
  const subjectId = randomUuid(ctx.random);
  const token = newSubjectToken(ctx.random);
  const tokenHash = hashToken(ctx.keys, token);
  await writeDoc(ctx, KEYS.subject(subjectId), {
    subjectId,
    tokenHash,
    createdAt: ctx.now().toISOString(),
    ...(mode === 'test' ? { test: true } : {}),
  });
  await writeIndex(ctx.storage, KEYS.tokenIndex(tokenHash), subjectId);
  return { subjectId, token };
}

/** The mode of a subject's data, or null when there is no such subject. */
export async function subjectMode(ctx: Context, subjectId: string): Promise<KeyMode | null> {
  const subject = await readDoc(ctx, KEYS.subject(subjectId), SubjectDocSchema);
  if (!subject) return null;
  return subject.test ? 'test' : 'live';
}

/** What an erasure removed: counts, and the ids (for the `subject.erased` webhook). */
export interface ErasureCounts {
  readonly uploads: number;
  readonly consents: number;
  readonly uploadIds: readonly string[];
  readonly receiptIds: readonly string[];
}

/**
 * Erases everything of a subject: first a fence, so no upload can commit afterwards, and a wait
 * for the uploads in flight (fence.ts); then uploads (record and image are one object), consent
 * records, indexes, then the token and the subject record last, so an interrupted erasure can
 * be retried with the same token.
 */
export async function eraseSubject(ctx: Context, subjectId: string): Promise<ErasureCounts> {
  const { storage } = ctx;
  await fenceSubject(ctx, subjectId);
  const uploadIds: string[] = [];
  for (const item of await storage.list(KEYS.uploads(subjectId))) {
    const parsed = parseUploadKey(item.key);
    if (parsed) uploadIds.push(parsed.uploadId);
    await storage.delete(item.key); // whatever else is there too (an older layout's objects)
  }

  const consentKeys = await storage.list(KEYS.consents(subjectId));
  const receiptIds: string[] = [];
  for (const item of consentKeys) {
    const receiptId = item.key.slice(KEYS.consents(subjectId).length, -'.json'.length);
    receiptIds.push(receiptId);
    await storage.delete(KEYS.receiptIndex(receiptId));
    await storage.delete(item.key);
  }

  const tokenIndex = await tokenIndexOf(ctx, subjectId);
  if (tokenIndex) await storage.delete(tokenIndex);
  // Anything else left under the subject's folder (nothing, unless a crash left it).
  for (const item of await storage.list(KEYS.subjectFolder(subjectId))) {
    if (item.key !== KEYS.subject(subjectId)) await storage.delete(item.key);
  }
  await storage.delete(KEYS.subject(subjectId));
  await liftFence(ctx, subjectId);
  return { uploads: uploadIds.length, consents: receiptIds.length, uploadIds, receiptIds };
}

/**
 * The token index entry of a subject: named by its record, or, when no configured key opens the
 * record (sealed under a key since dropped), found by the subject id the entries hold in clear.
 */
async function tokenIndexOf(ctx: Context, subjectId: string): Promise<string | null> {
  try {
    const subject = await readDoc(ctx, KEYS.subject(subjectId), SubjectDocSchema);
    return subject ? KEYS.tokenIndex(subject.tokenHash) : null;
  } catch {
    for (const item of await ctx.storage.list(KEYS.tokenIndexRoot)) {
      const entry = await readDoc(ctx, item.key, IndexDocSchema).catch(() => null);
      if (entry?.subjectId === subjectId) return item.key;
    }
    return null;
  }
}
