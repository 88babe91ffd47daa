import { ApiErrorSchema } from '@fittingroom/protocol';
import type { LightMyRequestResponse } from 'fastify';
import * as v from 'valibot';
import { expect } from 'vitest';

/** Asserts an error answer: the status, a stable code from the protocol and a non-empty message. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(v.parse(ApiErrorSchema, res.json()).error.code).toBe(code);
  expect(res.json().error.message.length).toBeGreaterThan(0);
}
