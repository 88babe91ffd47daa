import { PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import type { FastifyRequest } from 'fastify';
import type { ApiKey } from '../config-retailer.js';
import type { Context } from '../context.js';
import { HttpError } from '../errors.js';
import { findKey } from '../retailer/keys.js';
import { resolveSubject } from '../subjects.js';

const BEARER = /^Bearer\s+([^\s]+)\s*$/i;
const CHALLENGE = { 'www-authenticate': 'Bearer' } as const;

/** The token of `Authorization: Bearer <token>`, or null when absent or not a bearer header. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  return BEARER.exec(header)?.[1] ?? null;
}

/** The authenticated subject: its id and the token that proved it. */
export interface SubjectAuth {
  readonly subjectId: string;
  readonly token: string;
}

/**
 * The bearer token every bearer route requires, or 401 `invalid_token` with the
 * `WWW-Authenticate: Bearer` challenge (RFC 6750) when it is missing or malformed.
 */
export function requireBearer(request: FastifyRequest): string {
  const token = bearerToken(request);
  if (token !== null) return token;
  throw new HttpError(
    401,
    'invalid_token',
    'Send the subject token as "Authorization: Bearer <token>".',
    CHALLENGE,
  );
}

/** Resolves the bearer token to its subject or throws 401 `invalid_token` with the challenge. */
export async function requireSubject(ctx: Context, request: FastifyRequest): Promise<SubjectAuth> {
  const token = requireBearer(request);
  const subjectId = await resolveSubject(ctx, token);
  if (subjectId === null) {
    throw new HttpError(
      401,
      'invalid_token',
      'The subject token is unknown or its data was erased.',
      CHALLENGE,
    );
  }
  return { subjectId, token };
}

/**
 * The retailer's publishable key, required to ingest (consent grants and uploads); a missing or
 * unknown key is 401 `invalid_key`. The shopper's rights (withdraw, export, erase) need no key,
 * so a retailer revoking its key never locks a shopper out of their own data.
 */
export function requireKey(ctx: Context, request: FastifyRequest): ApiKey {
  const header = request.headers[PUBLISHABLE_KEY_HEADER];
  const found = typeof header === 'string' ? findKey(ctx.config.retailer, header) : null;
  if (found?.kind === 'publishable') return found;
  const message =
    header === undefined
      ? `Send the retailer's publishable key in ${PUBLISHABLE_KEY_HEADER}.`
      : `The ${PUBLISHABLE_KEY_HEADER} header is not a known publishable key.`;
  throw new HttpError(401, 'invalid_key', message);
}
