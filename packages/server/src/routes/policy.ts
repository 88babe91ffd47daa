import { API } from '@fittingroom/protocol';
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.js';
import { policyFacts } from '../policy/facts.js';
import { POLICY_CSP, policyPage } from '../policy/page.js';
import { pickLocale } from '../policy/texts.js';

/** Path of the policy's HTML page. */
export const RETENTION_POLICY_PATH = '/retention-policy';

/**
 * The public retention and destruction policy, from the configuration: `GET /v1/policy` (JSON)
 * and `GET /retention-policy` (HTML, `?lang=` or `Accept-Language`, in the SDK's five locales).
 * Public on purpose: readable from any origin, cached for five minutes.
 */
export function policyRoutes(app: FastifyInstance, ctx: Context): void {
  const facts = policyFacts(ctx.config);
  app.get(API.policy, async (_request, reply) =>
    reply
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'public, max-age=300')
      .send(facts),
  );
  app.get<{ Querystring: { lang?: string } }>(RETENTION_POLICY_PATH, async (request, reply) => {
    const locale = pickLocale(request.query.lang, request.headers['accept-language']);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', POLICY_CSP)
      .header('content-language', locale)
      .header('cache-control', 'public, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(policyPage(facts, locale));
  });
}
