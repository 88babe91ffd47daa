import { UploadResultSchema } from '@fittingroom/protocol';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYS } from '../src/records/keys.js';
import { DAY_MS, ORPHAN_GRACE_MS } from '../src/retention.js';
import { type Every, startSweeper, sweepExpired } from '../src/sweeper.js';
import { createHarness, type Harness } from './support/harness.js';
import { makeReceipt } from './support/receipts.js';

describe('retention sweeper', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ env: { FR_RETENTION_DAYS: '7' } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('honours a configured retention period', async () => {
    const { token, receipt } = await h.subject();
    const res = await h.upload({ token, receiptId: receipt.consentReceiptID });
    const { uploadId, expiresAt } = v.parse(UploadResultSchema, res.json());
    expect(Date.parse(expiresAt) - h.clock.time.getTime()).toBe(7 * DAY_MS);
    h.clock.advance(7 * DAY_MS);
    await sweepExpired(h.ctx);
    expect((await h.keys()).some((key) => key.includes(uploadId))).toBe(false);
  });

  it('removes an image whose record was never written, but only after the grace period', async () => {
    // What a crash between the image write and the record write leaves behind.
    const subjectId = '11111111-1111-4111-8111-111111111111';
    const uploadId = '22222222-2222-8222-8222-222222222222';
    await h.storage.put(KEYS.uploadImage(subjectId, uploadId), new Uint8Array([1, 2, 3]));
    await h.storage.put(
      KEYS.uploadIndex(uploadId),
      new TextEncoder().encode(JSON.stringify({ subjectId })),
    );
    // The objects carry the real modification time, so the clock is moved relative to it.
    h.clock.time = new Date();
    expect(await sweepExpired(h.ctx)).toMatchObject({ orphans: 0 });
    expect(await h.keys()).toHaveLength(2);
    h.clock.advance(ORPHAN_GRACE_MS + 60_000);
    expect(await sweepExpired(h.ctx)).toMatchObject({ orphans: 1 });
    expect(await h.keys()).toEqual([]);
  });

  it('forgets a subject once its consents ended a retention period ago and nothing is uploaded', async () => {
    const receipt = makeReceipt({
      expiresAt: new Date(h.clock.time.getTime() + DAY_MS).toISOString(),
    });
    await h.subject(receipt);
    h.clock.advance(DAY_MS + 7 * DAY_MS - 1);
    expect(await sweepExpired(h.ctx)).toMatchObject({ staleSubjects: 0 });
    expect((await h.keys()).length).toBeGreaterThan(0);
    h.clock.advance(1);
    expect(await sweepExpired(h.ctx)).toMatchObject({ staleSubjects: 1 });
    expect(await h.keys()).toEqual([]);
  });

  it('runs on its interval, never two sweeps at once, reports errors and stops on close', async () => {
    let tick: () => void = () => undefined;
    let stopped = false;
    const every: Every = (run) => {
      tick = run;
      return () => {
        stopped = true;
      };
    };
    let calls = 0;
    let release: () => void = () => undefined;
    const errors: unknown[] = [];
    const sweeper = startSweeper({
      intervalMs: 1000,
      every,
      onError: (error) => errors.push(error),
      sweep: () => {
        calls += 1;
        if (calls === 2) return Promise.reject(new Error('storage down'));
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });
    tick();
    tick(); // still running: skipped
    expect(calls).toBe(1);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    tick();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    await sweeper.close();
    expect(stopped).toBe(true);
  });
});
