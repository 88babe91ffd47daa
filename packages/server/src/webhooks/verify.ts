// The verification helper for a retailer's Node backend: `@fittingroom/server/webhooks`. It
// needs only node:crypto and the header names, so it is cheap to import next to any framework.
import { createHmac, timingSafeEqual } from 'node:crypto';

export { EVENT_ID_HEADER, SIGNATURE_HEADER } from '@fittingroom/protocol';

/** How old a signature may be, by default: 5 minutes, as Stripe. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The hex HMAC-SHA256 a delivery is signed with: over `<timestamp>.<raw body>`. */
export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The `fittingroom-signature` header value for `body` sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signature(secret, timestamp, body)}`;
}

/** Why a delivery was refused. */
export type WebhookRefusal = 'malformed' | 'bad_signature' | 'too_old';

/** What {@link verifyWebhook} decides: the parsed event, or why not. */
export type WebhookVerdict =
  | {
      readonly ok: true;
      readonly event: { readonly id: string; readonly type: string } & Record<string, unknown>;
    }
  | { readonly ok: false; readonly reason: WebhookRefusal };

/** Options of {@link verifyWebhook}. */
export interface VerifyOptions {
  /** The raw request body, exactly as received (not re-serialised JSON). */
  readonly body: string | Uint8Array;
  /** The `fittingroom-signature` header. */
  readonly header: string | undefined;
  /** The endpoint's signing secret; several while rotating (any one may match). */
  readonly secret: string | readonly string[];
  /** Oldest signature accepted, in seconds (default 300): a replayed old delivery is refused. */
  readonly toleranceSeconds?: number;
  /** The current time (default `Date.now()`). */
  readonly now?: Date;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks a delivery's signature and age, then parses its body. Use the raw body: a parsed and
 * re-serialised one will not match. De-duplicate on `event.id`: a delivery can arrive twice.
 */
export function verifyWebhook(options: VerifyOptions): WebhookVerdict {
  const body =
    typeof options.body === 'string' ? options.body : Buffer.from(options.body).toString('utf8');
  const parts = new Map<string, string[]>();
  for (const item of (options.header ?? '').split(',')) {
    const [name, value] = item.trim().split('=', 2);
    if (name && value) parts.set(name, [...(parts.get(name) ?? []), value]);
  }
  const timestamp = Number(parts.get('t')?.[0]);
  const given = parts.get('v1') ?? [];
  if (!Number.isInteger(timestamp) || given.length === 0) return { ok: false, reason: 'malformed' };
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  const expected = secrets.map((secret) => signature(secret, timestamp, body));
  if (!given.some((sig) => expected.some((want) => same(sig, want)))) {
    return { ok: false, reason: 'bad_signature' };
  }
  const now = (options.now ?? new Date()).getTime() / 1000;
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    return { ok: false, reason: 'too_old' };
  }
  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof event !== 'object' || event === null || !('id' in event) || !('type' in event)) {
    return { ok: false, reason: 'malformed' };
  }
  return { ok: true, event: event as { id: string; type: string } & Record<string, unknown> };
}
