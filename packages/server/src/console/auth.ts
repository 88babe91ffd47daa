import { createHash, timingSafeEqual } from 'node:crypto';
import { CONSOLE_MODE_HEADER, KEY_MODES, type KeyMode } from '@fittingroom/protocol';
import type { FastifyRequest } from 'fastify';
import type { Context } from '../context.js';
import { findKey } from '../retailer/keys.js';

/** Who calls the retailer API: a secret key, or the console signed in with its password. */
export interface RetailerCaller {
  /** The key id (never the key), or `console` for the console password. */
  readonly id: string;
  /** The mode whose data this request sees. */
  readonly mode: KeyMode;
  /** The modes this credential may switch between (the password: both; a key: its own). */
  readonly modes: readonly KeyMode[];
  /** True for requests from the console page. */
  readonly console: boolean;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Compares two secrets in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The console's credential: `Authorization: Bearer <percent-encoded>` (a password may hold
 * spaces or any character, which a header cannot carry as they are), or null.
 */
export function consoleCredential(request: FastifyRequest): string | null {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * True when a request comes from this server's own pages: no cross-site fetch metadata, and an
 * `Origin` (browsers send one on same-origin POST and DELETE, not on GET) naming this server.
 */
export function fromOwnPage(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  return origin === undefined || origin === `${request.protocol}://${request.host}`;
}

/**
 * The console's caller for `token`: the console password (`FR_CONSOLE_PASSWORD`; the mode comes
 * from the console's live/test switch) or any secret key (its own mode only); null otherwise.
 */
export function consoleCaller(
  ctx: Context,
  request: FastifyRequest,
  token: string,
): RetailerCaller | null {
  const password = ctx.config.retailer.consolePassword;
  if (password !== null && sameSecret(token, password)) {
    const mode: KeyMode = request.headers[CONSOLE_MODE_HEADER] === 'test' ? 'test' : 'live';
    return { id: 'console', mode, modes: KEY_MODES, console: true };
  }
  const key = findKey(ctx.config.retailer, token);
  if (key?.kind !== 'secret') return null;
  return { id: key.id, mode: key.mode, modes: [key.mode], console: true };
}
