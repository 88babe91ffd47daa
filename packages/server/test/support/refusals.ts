import { ApiErrorSchema } from '@fittingroom/protocol';
import type { LightMyRequestResponse } from 'fastify';
import * as v from 'valibot';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Adapter } from './adapters.js';
import { createHarness, type Harness } from './harness.js';

/** Asserts an error answer: the status, a stable code from the protocol and a non-empty message. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(v.parse(ApiErrorSchema, res.json()).error.code).toBe(code);
  expect(res.json().error.message.length).toBeGreaterThan(0);
}

/** What a refusal suite's tests work with: a server, a subject with consent, and its token. */
export interface RefusalSubject {
  readonly h: Harness;
  readonly token: string;
  readonly receiptId: string;
  /** After a test's own legitimate writes: what storage holds now is what must still be there. */
  readonly settle: () => Promise<void>;
}

/**
 * Before each test: a server on `adapter` (uploads capped at 20 000 bytes) and a subject with
 * consent, handed to `use`. After each: storage holds exactly what it held before — whatever was
 * refused, no partial, unconsented or duplicated file is kept.
 */
export function refusalSubject(adapter: Adapter, use: (subject: RefusalSubject) => void): void {
  let h: Harness | undefined;
  let before: string[] = [];
  beforeEach(async () => {
    h = await createHarness({ open: adapter.open, env: { FR_MAX_UPLOAD_BYTES: '20000' } });
    const subject = await h.subject();
    before = await h.keys();
    const harness = h;
    const settle = async () => {
      before = await harness.keys();
    };
    use({ h, token: subject.token, receiptId: subject.receipt.consentReceiptID, settle });
  });
  afterEach(async () => {
    if (!h) return;
    expect(await h.keys()).toEqual(before);
    await h.close();
  });
}
