import { readFile } from 'node:fs/promises';
import { ERROR_CODES, IDEMPOTENCY_KEY_HEADER, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createHarness, type Harness } from './support/harness.js';

const file = new URL('../../protocol/openapi.yaml', import.meta.url);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

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
        'GET /v1/policy',
        'GET /v1/key',
      ].sort(),
    );
  });

  it('lists exactly the protocol error codes and header names', () => {
    expect(doc.components.schemas.ErrorCode.enum).toEqual([...ERROR_CODES]);
    expect(doc.components.securitySchemes.publishableKey.name).toBe(PUBLISHABLE_KEY_HEADER);
    expect(doc.components.parameters.IdempotencyKey.name.toLowerCase()).toBe(
      IDEMPOTENCY_KEY_HEADER,
    );
  });
});
