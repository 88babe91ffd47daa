import { PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import type { FastifyRequest } from 'fastify';
import type { Context } from '../context.js';
import { HttpError } from '../errors.js';
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

/** Resolves the bearer token to its subject or throws 401 `invalid_token`. */
export async function requireSubject(ctx: Context, request: FastifyRequest): Promise<SubjectAuth> {
  const token = bearerToken(request);
  if (token === null) {
    throw new HttpError(
      401,
      'invalid_token',
      'Send the subject token as "Authorization: Bearer <token>".',
      CHALLENGE,
    );
  }
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
 * The publishable key if the request carries one; throws 401 `invalid_key` when it carries one
 * that is not configured. Rights (withdraw, export, erase) work without a key, so a retailer
 * revoking its key never locks a shopper out of their data.
 */
export function optionalKey(ctx: Context, request: FastifyRequest): string | null {
  const header = request.headers[PUBLISHABLE_KEY_HEADER];
  if (header === undefined) return null;
  if (typeof header === 'string' && ctx.config.publishableKeys.includes(header)) return header;
  throw new HttpError(
    401,
    'invalid_key',
    `The ${PUBLISHABLE_KEY_HEADER} header is not a known publishable key.`,
  );
}

/** The publishable key, required for ingestion (consent grants and uploads); else 401. */
export function requireKey(ctx: Context, request: FastifyRequest): string {
  const key = optionalKey(ctx, request);
  if (key === null) {
    throw new HttpError(
      401,
      'invalid_key',
      `Send the retailer's publishable key in ${PUBLISHABLE_KEY_HEADER}.`,
    );
  }
  return key;
}
