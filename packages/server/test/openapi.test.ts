import { readFile } from 'node:fs/promises';
import { ERROR_CODES, IDEMPOTENCY_KEY_HEADER, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createHarness, type Harness } from './support/harness.js';
import { registeredRoutes } from './support/routes.js';

const file = new URL('../../protocol/openapi.yaml', import.meta.url);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Routes that are not part of the HTTP API: the CORS preflight answer for every path, and the
 * privacy console's page and its assets (a UI for humans, which calls the documented routes).
 */
const NOT_API = [
  'OPTIONS *',
  'GET /console',
  'GET /console/console.js',
  'GET /console/console.css',
  'GET /console/format.js',
];

interface Doc {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>;
  components: {
    schemas: { ErrorCode: { enum: string[] } };
    securitySchemes: { publishableKey: { name: string } };
    parameters: { IdempotencyKey: { name: string } };
  };
}

describe('packages/protocol/openapi.yaml', () => {
  let text: string;
  let doc: Doc;
  let h: Harness;
  beforeAll(async () => {
    text = await readFile(file, 'utf8');
    doc = parse(text) as Doc;
    h = await createHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(text);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents only routes the server has, for every API route', async () => {
    const documented: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        if (!item[method]) continue;
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        documented.push(`${method.toUpperCase()} ${url}`);
        expect(
          h.app.hasRoute({ method: method.toUpperCase() as 'GET', url }),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
    expect(documented.sort()).toEqual(
      [
        'GET /healthz',
        'GET /readyz',
        'POST /v1/consents',
        'POST /v1/uploads',
        'DELETE /v1/uploads/:id',
        'GET /v1/uploads/:id/image',
        'GET /v1/subjects/me/export',
        'DELETE /v1/subjects/me',
        'GET /v1/retailer/uploads',
        'GET /v1/retailer/uploads/:id/image',
        'DELETE /v1/retailer/uploads/:id',
        'GET /v1/retailer/subjects/by-receipt/:receiptId',
        'DELETE /v1/retailer/subjects/by-receipt/:receiptId',
        'GET /v1/retailer/webhooks',
        'POST /v1/retailer/webhooks',
        'DELETE /v1/retailer/webhooks/:id',
        'POST /v1/retailer/webhooks/:id/test',
        'GET /v1/retailer/session',
        'GET /v1/retailer/audit',
        'GET /retention-policy',
        'GET /v1/policy',
        'GET /v1/key',
      ].sort(),
    );
  });

  it('documents every route the server registers (so the document cannot drift)', () => {
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        METHODS.filter((m) => item[m]).map(
          (m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        ),
      ),
    );
    const registered = registeredRoutes(h.app);
    // The tree was read at all (a changed printRoutes format must fail here, not pass empty).
    expect(registered).toContain('GET /healthz');
    expect(registered).toContain('DELETE /v1/retailer/uploads/:id');
    const undocumented = registered.filter((r) => !documented.has(r) && !NOT_API.includes(r));
    expect(undocumented).toEqual([]);
  });

  it('puts every retailer route behind the secret key or the console, and nothing else', () => {
    const retailer = Object.entries(doc.paths).filter(([path]) => path.startsWith('/v1/retailer/'));
    expect(retailer.length).toBeGreaterThan(0);
    for (const [path, item] of retailer) {
      for (const method of METHODS) {
        const op = item[method] as { security?: unknown } | undefined;
        if (!op) continue;
        expect(op.security, `${method} ${path}`).toEqual([
          { secretKey: [] },
          { consoleSession: [] },
        ]);
      }
    }
  });

  it('lists exactly the protocol error codes and header names', () => {
    expect(doc.components.schemas.ErrorCode.enum).toEqual([...ERROR_CODES]);
    expect(doc.components.securitySchemes.publishableKey.name).toBe(PUBLISHABLE_KEY_HEADER);
    expect(doc.components.parameters.IdempotencyKey.name.toLowerCase()).toBe(
      IDEMPOTENCY_KEY_HEADER,
    );
  });
});
