import { API } from '@fittingroom/protocol';
import type { FastifyInstance } from 'fastify';
import { verifyChain } from '../audit-chain.js';
import type { Context } from '../context.js';
import { RETAILER_PREFIX, secretKeyOf } from '../http/retailer-caller.js';
import { routeUnder } from '../routes/paths.js';

const route = (path: string): string => routeUnder(RETAILER_PREFIX, path);

/** Events the console shows, newest first. */
const AUDIT_PAGE = 200;

/** The fields of an audit line the console shows (no MACs, no IP hashes). */
const SHOWN = [
  'at',
  'type',
  'keyId',
  'subjectId',
  'uploadId',
  'receiptId',
  'detail',
  'chain',
  'seq',
];

function shown(line: string): Record<string, unknown> | null {
  try {
    const event = JSON.parse(line) as Record<string, unknown>;
    return Object.fromEntries(SHOWN.filter((k) => k in event).map((k) => [k, event[k]]));
  } catch {
    return null; // an unreadable line is reported by the verdict
  }
}

/**
 * What the privacy console needs beyond the data routes: who it is signed in as, and the audit
 * log with its hash chain verified by the same code as `audit:verify` (audit-chain.ts).
 */
export function consoleApiRoutes(app: FastifyInstance, ctx: Context): void {
  app.get(route(API.retailerSession), async (request) => {
    const caller = secretKeyOf(request);
    if (caller.console) {
      await ctx.audit.record({
        type: 'console_signed_in',
        keyId: caller.id,
        ip: request.ip,
        detail: { mode: caller.mode },
      });
    }
    return { keyId: caller.id, mode: caller.mode, modes: caller.modes };
  });

  app.get(route(API.retailerAudit), async (request) => {
    const caller = secretKeyOf(request);
    const lines = await ctx.storage.readAudit();
    const verdict = verifyChain(lines, ctx.ring.all);
    const events = lines
      .slice(-AUDIT_PAGE)
      .reverse()
      .map(shown)
      .filter((e) => e !== null);
    await ctx.audit.record({
      type: 'retailer_audit_read',
      keyId: caller.id,
      ip: request.ip,
      detail: { lines: lines.length },
    });
    return { verdict, total: lines.length, events };
  });
}
