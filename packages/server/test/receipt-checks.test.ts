// Issue 16 item 7: receipts were taken at the client's word — expiresAt in 9999, a
// consentTimestamp in the future and a client-chosen withdrawnAt of 1970 were accepted, and
// unknown and other-subject receipt ids got different answers. Real server on loopback.
import { randomUUID } from 'node:crypto';
import {
  API,
  type ConsentReceipt,
  PUBLISHABLE_KEY_HEADER,
  SubjectExportSchema,
} from '@fittingroom/protocol';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, ORIGIN } from './support/harness.js';
import { codeOf, type Loopback, send, startLoopback } from './support/loopback.js';
import { makeReceipt } from './support/receipts.js';

const DAY = 86_400_000;

describe('the server checks receipts against its own clock (real socket)', () => {
  let loop: Loopback;
  beforeAll(async () => {
    loop = await startLoopback();
  });
  afterAll(async () => {
    await loop.close();
  });

  const json = (body: unknown) => Buffer.from(JSON.stringify(body));
  const grant = (receipt: ConsentReceipt) =>
    send(loop.port, {
      method: 'POST',
      path: API.consents,
      headers: {
        'content-type': 'application/json',
        [PUBLISHABLE_KEY_HEADER]: KEY,
        origin: ORIGIN,
      },
      body: json({ kind: 'grant', receipt }),
    });
  const receipt = (givenAt: number, expiresAt: number | string) =>
    makeReceipt({
      consentTimestamp: Math.floor(givenAt / 1000),
      expiresAt: typeof expiresAt === 'string' ? expiresAt : new Date(expiresAt).toISOString(),
    });

  it('refuses impossible times: 400 invalid_request, nothing kept', async () => {
    const now = Date.now();
    const before = await loop.storage.list('');
    for (const bad of [
      receipt(now, '9999-12-31T23:59:59.000Z'),
      receipt(now + 3_600_000, now + DAY), // given an hour from now
      receipt(now, now + 396 * DAY), // longer than any policy's consent lifetime
      receipt(now - 10 * DAY, now - DAY), // already expired
      receipt(now + 60_000, now + 30_000), // expires before it was given
    ]) {
      const answer = await grant(bad);
      expect(answer.status, answer.body).toBe(400);
      expect(codeOf(answer)).toBe('invalid_request');
    }
    expect(await loop.storage.list('')).toEqual(before);
  });

  it('accepts the longest lifetime and a clock a little ahead', async () => {
    const now = Date.now();
    expect((await grant(receipt(now, now + 395 * DAY))).status).toBe(201);
    expect((await grant(receipt(now + 60_000, now + DAY))).status).toBe(201); // 1 min of skew
    expect((await grant(receipt(now - 300 * DAY, now + DAY))).status).toBe(201); // given long ago
  });

  it("records the server's withdrawal time, whatever the client says", async () => {
    const subject = await loop.grant();
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${subject.token}`,
    };
    const before = Date.now();
    const withdrawn = await send(loop.port, {
      method: 'POST',
      path: API.consents,
      headers,
      body: json({
        kind: 'withdraw',
        receiptId: subject.receiptId,
        withdrawnAt: '1970-01-01T00:00:00.000Z',
      }),
    });
    expect(withdrawn.status, withdrawn.body).toBe(200);
    const exported = await send(loop.port, { method: 'GET', path: API.subjectExport, headers });
    const copy = v.parse(SubjectExportSchema, JSON.parse(exported.body));
    const at = Date.parse(copy.consents[0]?.withdrawnAt ?? '');
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("answers another subject's receipt exactly as an unknown one", async () => {
    const owner = await loop.grant();
    const other = await loop.grant();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${other.token}` };
    const withdraw = (receiptId: string) =>
      send(loop.port, {
        method: 'POST',
        path: API.consents,
        headers,
        body: json({ kind: 'withdraw', receiptId, withdrawnAt: new Date().toISOString() }),
      });
    const upload = (receiptId: string) => loop.upload({ token: other.token, receiptId });
    for (const call of [withdraw, upload]) {
      const theirs = await call(owner.receiptId);
      const none = await call(randomUUID());
      expect(theirs.status).toBeGreaterThanOrEqual(400);
      expect([theirs.status, theirs.body]).toEqual([none.status, none.body]);
    }
  });
});
