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

  it('removes objects that are not whole uploads (an older layout), after the grace period', async () => {
    // The layout before single-object uploads: image, record and index entry apart.
    const subjectId = '11111111-1111-4111-8111-111111111111';
    const uploadId = '22222222-2222-8222-8222-222222222222';
    const text = (value: string) => new TextEncoder().encode(value);
    await h.storage.put(`uploads/${subjectId}/${uploadId}.img`, new Uint8Array([1, 2, 3]));
    await h.storage.put(`uploads/${subjectId}/${uploadId}.json`, text('{}'));
    await h.storage.put(
      `${KEYS.legacyUploadIndexRoot}${uploadId}.json`,
      text(JSON.stringify({ subjectId })),
    );
    // The objects carry the real modification time, so the clock is moved relative to it.
    h.clock.time = new Date();
    expect(await sweepExpired(h.ctx)).toMatchObject({ orphans: 0 });
    expect(await h.keys()).toHaveLength(3);
    h.clock.advance(ORPHAN_GRACE_MS + 60_000);
    expect(await sweepExpired(h.ctx)).toMatchObject({ orphans: 3, expired: 0 });
    expect(await h.keys()).toEqual([]);
  });

  it('reads only the head of each upload to decide, and keeps what has not expired', async () => {
    const { token, receipt } = await h.subject();
    const res = await h.upload({ token, receiptId: receipt.consentReceiptID });
    const { uploadId } = v.parse(UploadResultSchema, res.json());
    const heads: number[] = [];
    const getHead = h.storage.getHead.bind(h.storage);
    const get = h.storage.get.bind(h.storage);
    h.storage.getHead = (key, length) => {
      heads.push(length);
      return getHead(key, length);
    };
    h.storage.get = (key) => {
      if (key.endsWith('.upload')) throw new Error(`whole upload read: ${key}`);
      return get(key);
    };
    h.clock.advance(7 * DAY_MS - 1);
    expect(await sweepExpired(h.ctx)).toMatchObject({ expired: 0, orphans: 0 });
    expect(heads.every((length) => length < 4096)).toBe(true);
    expect((await h.keys()).filter((key) => key.includes(uploadId))).toHaveLength(1);
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
