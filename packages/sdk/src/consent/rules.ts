import { isAtOrPast, PURPOSES, type Purpose } from '@fittingroom/protocol';
import type { ResolvedPolicy } from './policy.js';
import type { ConsentRecord } from './types.js';

/** Browser privacy signals at the moment of asking. */
export interface Signals {
  /** `navigator.globalPrivacyControl === true`. */
  readonly gpc: boolean;
  /** Do Not Track is `'1'`. */
  readonly dnt: boolean;
}

/** Purposes that send something off the device; only these are blocked by GPC/DNT. */
export const SHARING_PURPOSES: readonly Purpose[] = ['upload', 'product-improvement'];

/** Why a purpose cannot even be offered right now. */
export type UnavailableReason = 'gpc' | 'dnt' | 'age';

/** Why a purpose is not allowed now. */
export type DenialReason =
  | UnavailableReason
  | 'undeclared'
  | 'not-asked'
  | 'refused'
  | 'withdrawn'
  | 'expired'
  | 'policy-changed'
  | 'notice-changed';

/** Everything the decision rules need besides the records; all of it injected, nothing global. */
export interface RuleContext {
  readonly policy: ResolvedPolicy;
  readonly now: Date;
  readonly signals: Signals;
  /** SHA-256 of the current notice per locale; a record whose locale is missing is stale. */
  readonly noticeHashes: ReadonlyMap<string, string>;
}

/** The signal that blocks `purpose` under the policy, or null. The camera is never blocked. */
export function blockingSignal(
  purpose: Purpose,
  signals: Signals,
  honor: ResolvedPolicy['honorSignals'],
): 'gpc' | 'dnt' | null {
  if (!SHARING_PURPOSES.includes(purpose)) return null;
  if (honor.gpc && signals.gpc) return 'gpc';
  if (honor.dnt && signals.dnt) return 'dnt';
  return null;
}

/** When a decision taken at `at` stops counting. */
export function expiryFor(at: Date, consentDays: number): Date {
  return new Date(at.getTime() + consentDays * 86_400_000);
}

/** True when `record` is past its expiry at `now` (an unreadable expiry counts as past). */
export function isExpired(record: ConsentRecord, now: Date): boolean {
  return isAtOrPast(record.expiresAt, now);
}

/** True when the record was shown the notice the shopper would see today in its language. */
export function noticeMatches(record: ConsentRecord, hashes: ReadonlyMap<string, string>): boolean {
  return hashes.get(record.locale) === record.noticeHash;
}

/** Records after the last withdrawal (of any policy version): a withdrawal ends everything. */
export function sinceWithdrawal(records: readonly ConsentRecord[]): readonly ConsentRecord[] {
  const last = records.findLastIndex((r) => r.action === 'withdraw');
  return last === -1 ? records : records.slice(last + 1);
}

/** The latest grant after the last withdrawal for this policy version, or null. */
export function latestGrant(
  records: readonly ConsentRecord[],
  policyVersion: string,
): ConsentRecord | null {
  const live = sinceWithdrawal(records);
  return live.findLast((r) => r.action === 'grant' && r.policyVersion === policyVersion) ?? null;
}

/** True when a grant still stands on its own: unexpired and shown today's notice. */
export function grantStands(record: ConsentRecord, ctx: RuleContext): boolean {
  return (
    record.action === 'grant' &&
    record.policyVersion === ctx.policy.policyVersion &&
    !isExpired(record, ctx.now) &&
    noticeMatches(record, ctx.noticeHashes)
  );
}

/**
 * The record that describes the shopper's current state for this policy version: a standing
 * grant wins over later refusals (which only ever concern purposes it does not cover),
 * otherwise the latest record of this version or withdrawal. Null when the shopper never
 * acted under this version.
 */
export function stateRecord(
  records: readonly ConsentRecord[],
  ctx: RuleContext,
): ConsentRecord | null {
  const grant = latestGrant(records, ctx.policy.policyVersion);
  if (grant && grantStands(grant, ctx)) return grant;
  // A withdrawal ends everything, whatever version it was recorded under.
  const version = ctx.policy.policyVersion;
  return records.findLast((r) => r.policyVersion === version || r.action === 'withdraw') ?? null;
}

/** True when `record` alone permits `purpose` at `ctx.now`. */
export function isValidFor(record: ConsentRecord, purpose: Purpose, ctx: RuleContext): boolean {
  return (
    ctx.policy.purposes.includes(purpose) &&
    record.purposes.includes(purpose) &&
    grantStands(record, ctx) &&
    blockingSignal(purpose, ctx.signals, ctx.policy.honorSignals) === null
  );
}

/** Why `purpose` is not allowed now, or null when it is. */
export function denialReason(
  records: readonly ConsentRecord[],
  purpose: Purpose,
  ctx: RuleContext,
): DenialReason | null {
  if (!ctx.policy.purposes.includes(purpose)) return 'undeclared';
  const signal = blockingSignal(purpose, ctx.signals, ctx.policy.honorSignals);
  const state = stateRecord(records, ctx);
  if (state && isValidFor(state, purpose, ctx)) return null;
  if (signal) return signal;
  if (state === null) return records.length > 0 ? 'policy-changed' : 'not-asked';
  if (state.action === 'withdraw') return 'withdrawn';
  if (lastMention(records, purpose, ctx.policy.policyVersion) === 'refused') return 'refused';
  const grant = latestGrant(records, ctx.policy.policyVersion);
  if (grant?.purposes.includes(purpose)) {
    return isExpired(grant, ctx.now) ? 'expired' : 'notice-changed';
  }
  return 'not-asked';
}

/** Whether the latest live record that mentions `purpose` granted or refused it. */
function lastMention(
  records: readonly ConsentRecord[],
  purpose: Purpose,
  version: string,
): 'granted' | 'refused' | null {
  const r = sinceWithdrawal(records).findLast(
    (x) =>
      x.policyVersion === version && (x.purposes.includes(purpose) || x.refused.includes(purpose)),
  );
  if (!r) return null;
  return r.purposes.includes(purpose) ? 'granted' : 'refused';
}

/** True when `purpose` is allowed now. */
export function allows(
  records: readonly ConsentRecord[],
  purpose: Purpose,
  ctx: RuleContext,
): boolean {
  return denialReason(records, purpose, ctx) === null;
}

/** What the shopper said about their age in this session (never stored). */
export type AgeAnswer = 'unknown' | 'confirmed' | 'under';

/** How a request for some purposes should be handled. */
export interface RequestPlan {
  /** Requested purposes already allowed: nothing to ask. */
  readonly allowed: readonly Purpose[];
  /** Purposes to offer in the dialog, in canonical order. */
  readonly ask: readonly Purpose[];
  /** Purposes that cannot be offered, and why. */
  readonly unavailable: readonly {
    readonly purpose: Purpose;
    readonly reason: UnavailableReason;
  }[];
  /** True when the age question must come before anything else. */
  readonly askAge: boolean;
}

/** Decides what to ask for a request. Pure: requested purposes must already be declared. */
export function planRequest(
  requested: readonly Purpose[],
  records: readonly ConsentRecord[],
  ctx: RuleContext,
  age: AgeAnswer,
): RequestPlan {
  const wanted = ctx.policy.purposes.filter((p) => requested.includes(p));
  const allowed = wanted.filter((p) => allows(records, p, ctx));
  const ask: Purpose[] = [];
  const unavailable: { purpose: Purpose; reason: UnavailableReason }[] = [];
  for (const purpose of wanted.filter((p) => !allowed.includes(p))) {
    const signal = blockingSignal(purpose, ctx.signals, ctx.policy.honorSignals);
    if (age === 'under' && ctx.policy.minAge !== null) unavailable.push({ purpose, reason: 'age' });
    else if (signal) unavailable.push({ purpose, reason: signal });
    else ask.push(purpose);
  }
  const askAge = ask.length > 0 && ctx.policy.minAge !== null && age !== 'confirmed';
  return { allowed, ask, unavailable, askAge };
}

/** True when the dialog must be shown for `purpose` (not allowed, and it can be offered). */
export function needsAsking(
  records: readonly ConsentRecord[],
  purpose: Purpose,
  ctx: RuleContext,
  age: AgeAnswer = 'unknown',
): boolean {
  return planRequest([purpose], records, ctx, age).ask.includes(purpose);
}

/**
 * Purposes a new grant carries over from the standing grant (still allowed, not offered now), so
 * the newest grant always lists everything allowed, and the expiry it may not outlive.
 */
export function carryOver(
  records: readonly ConsentRecord[],
  offered: readonly Purpose[],
  ctx: RuleContext,
): { readonly purposes: readonly Purpose[]; readonly notAfter: string | null } {
  const grant = latestGrant(records, ctx.policy.policyVersion);
  if (!grant || !grantStands(grant, ctx)) return { purposes: [], notAfter: null };
  const purposes = grant.purposes.filter(
    (p) => !offered.includes(p) && ctx.policy.purposes.includes(p),
  );
  return { purposes, notAfter: purposes.length > 0 ? grant.expiresAt : null };
}

/**
 * Receipt ids the server must be asked to erase on withdrawal: every grant since the previous
 * withdrawal that covered a purpose which sends data off the device.
 */
export function receiptsToErase(records: readonly ConsentRecord[]): string[] {
  return sinceWithdrawal(records)
    .filter((r) => r.action === 'grant' && r.purposes.some((p) => SHARING_PURPOSES.includes(p)))
    .map((r) => r.id);
}

/** Where one purpose stands. */
export interface PurposeStatus {
  readonly allowed: boolean;
  /** Why it is not allowed (null when allowed). */
  readonly reason: DenialReason | null;
  /** When an allowed purpose will be asked again (null when not allowed). */
  readonly expiresAt: string | null;
}

/** The state record and the standing of every purpose (declared or not). */
export function purposeStatus(
  records: readonly ConsentRecord[],
  ctx: RuleContext,
): { readonly record: ConsentRecord | null; readonly purposes: Record<Purpose, PurposeStatus> } {
  const record = stateRecord(records, ctx);
  const entry = (purpose: Purpose): PurposeStatus => {
    const reason = denialReason(records, purpose, ctx);
    return {
      allowed: reason === null,
      reason,
      expiresAt: reason === null ? (record?.expiresAt ?? null) : null,
    };
  };
  const purposes = Object.fromEntries(PURPOSES.map((p) => [p, entry(p)])) as Record<
    Purpose,
    PurposeStatus
  >;
  return { record, purposes };
}
