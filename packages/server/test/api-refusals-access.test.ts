import { randomUUID } from 'node:crypto';
import { API, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bothAdapters } from './support/adapters.js';
import { createHarness, type Harness, KEY } from './support/harness.js';
import { makeReceipt } from './support/receipts.js';
import { expectError, refusalSubject } from './support/refusals.js';

const adapters = bothAdapters();

describe.each(adapters)(
  'refused access on the $name adapter: right 4xx, nothing kept',
  (adapter) => {
    let h: Harness;
    let token: string;
    let receiptId: string;
    let settle: () => Promise<void>;
    refusalSubject(adapter, (subject) => {
      ({ h, token, receiptId, settle } = subject);
    });

    it('wrong or missing publishable key → 401 invalid_key', async () => {
      expectError(
        await h.upload({
          token,
          receiptId,
          headers: { [PUBLISHABLE_KEY_HEADER]: 'pk_test_wrong000' },
        }),
        401,
        'invalid_key',
      );
      expectError(
        await h.upload({ token, receiptId, headers: { [PUBLISHABLE_KEY_HEADER]: undefined } }),
        401,
        'invalid_key',
      );
      const grant = await h.grant({ headers: { [PUBLISHABLE_KEY_HEADER]: undefined } });
      expectError(grant.res, 401, 'invalid_key');
    });

    it('origin not on the allow-list → 403 origin_not_allowed, preflight included', async () => {
      expectError(
        await h.upload({ token, receiptId, headers: { origin: 'https://evil.example' } }),
        403,
        'origin_not_allowed',
      );
      expectError((await h.grant({ headers: { origin: 'null' } })).res, 403, 'origin_not_allowed');
      const preflight = await h.app.inject({
        method: 'OPTIONS',
        url: API.uploads,
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.statusCode).toBe(403);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('path-traversal and non-UUID ids → 400 invalid_request', async () => {
      const headers = { authorization: `Bearer ${token}` };
      for (const id of [
        '..%2F..%2Fsubjects',
        '..%5C..%5Cx',
        '%2e%2e%2f%2e%2e',
        'not-a-uuid',
        `${randomUUID()}.img`,
      ]) {
        expectError(
          await h.app.inject({ method: 'GET', url: `/v1/uploads/${id}/image`, headers }),
          400,
          'invalid_request',
        );
        expectError(
          await h.app.inject({ method: 'DELETE', url: `/v1/uploads/${id}`, headers }),
          400,
          'invalid_request',
        );
      }
      // Dot segments (literal or %2e) are resolved by URL parsing before routing: no route matches.
      for (const id of ['..', '%2e%2e']) {
        expectError(
          await h.app.inject({ method: 'GET', url: `/v1/uploads/${id}/image`, headers }),
          404,
          'not_found',
        );
      }
    });

    it("another subject's receipt is answered as an unknown one; granting it again is 403 forbidden", async () => {
      const own = await h.upload({ token, receiptId });
      expect(own.statusCode).toBe(201);
      const other = await h.subject();
      await settle();
      const headers = { authorization: `Bearer ${other.token}` };
      const withdraw = (id: string) =>
        h.app.inject({
          method: 'POST',
          url: API.consents,
          headers,
          payload: { kind: 'withdraw', receiptId: id, withdrawnAt: h.clock.time.toISOString() },
        });
      // Not yours and does not exist: the same status, code and message, so no existence oracle.
      const unknown = randomUUID();
      const answers = [
        [
          await h.upload({ token: other.token, receiptId }),
          await h.upload({ token: other.token, receiptId: unknown }),
        ],
        [await withdraw(receiptId), await withdraw(unknown)],
      ];
      for (const [theirs, none] of answers) {
        expect(theirs?.statusCode).toBe(none?.statusCode);
        expect(theirs?.json()).toEqual(none?.json());
      }
      expectError(answers[0]?.[0] as LightMyRequestResponse, 403, 'consent_missing');
      expectError(answers[1]?.[0] as LightMyRequestResponse, 404, 'not_found');
      expectError(
        (await h.grant({ token: other.token, receipt: (await h.subject()).receipt })).res,
        403,
        'forbidden',
      );
      await settle();
    });

    it("another subject's upload id is not found: 404 on the image, 204 and kept on deletion", async () => {
      const own = await h.upload({ token, receiptId });
      const uploadId = own.json().uploadId as string;
      const other = await h.subject();
      await settle();
      const headers = { authorization: `Bearer ${other.token}` };
      // The same answers as for an id that exists nowhere: no oracle for other subjects' ids.
      for (const id of [uploadId, randomUUID()]) {
        expectError(
          await h.app.inject({ method: 'GET', url: API.uploadImage(id), headers }),
          404,
          'not_found',
        );
        const deleted = await h.app.inject({ method: 'DELETE', url: API.upload(id), headers });
        expect(deleted.statusCode).toBe(204);
      }
      const mine = await h.app.inject({
        method: 'GET',
        url: API.uploadImage(uploadId),
        headers: { authorization: `Bearer ${token}` },
      });
      expect(mine.statusCode).toBe(200);
    });

    it('missing, unknown or malformed token → 401 invalid_token', async () => {
      const bogus = 'A'.repeat(43);
      expectError(await h.upload({ token: bogus, receiptId }), 401, 'invalid_token');
      expectError(
        await h.upload({ token: '../../../etc/passwd', receiptId }),
        401,
        'invalid_token',
      );
      const res = await h.app.inject({ method: 'GET', url: API.subjectExport });
      expectError(res, 401, 'invalid_token');
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expectError(await h.app.inject({ method: 'DELETE', url: API.subject }), 401, 'invalid_token');
    });

    it('bad consent submissions → 400, 401 or 404 with a stable code', async () => {
      const post = (payload: unknown, headers: Record<string, string> = {}) =>
        h.app.inject({
          method: 'POST',
          url: API.consents,
          headers: {
            [PUBLISHABLE_KEY_HEADER]: KEY,
            'content-type': 'application/json',
            ...headers,
          },
          payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
        });
      expectError(await post('{"kind":"grant",'), 400, 'invalid_request');
      expectError(await post(''), 400, 'invalid_request');
      expectError(
        await post({ kind: 'grant', receipt: { ...makeReceipt(), sensitive: false } }),
        400,
        'invalid_request',
      );
      expectError(await post({ kind: 'maybe' }), 400, 'invalid_request');
      expectError(
        await post({
          kind: 'grant',
          receipt: makeReceipt({ expiresAt: '2020-01-01T00:00:00.000Z' }),
        }),
        400,
        'invalid_request',
      );
      expectError(await post('x'.repeat(70_000)), 413, 'payload_too_large');
      expectError(
        await post({
          kind: 'withdraw',
          receiptId: randomUUID(),
          withdrawnAt: h.clock.time.toISOString(),
        }),
        401,
        'invalid_token',
      );
      expectError(
        await post(
          { kind: 'withdraw', receiptId: randomUUID(), withdrawnAt: h.clock.time.toISOString() },
          { authorization: `Bearer ${token}` },
        ),
        404,
        'not_found',
      );
      expectError(await h.app.inject({ method: 'GET', url: '/v1/nothing' }), 404, 'not_found');
    });
  },
);
