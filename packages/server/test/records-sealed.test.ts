// Consent receipts and subject records are sealed at rest like images: the raw bytes in storage
// hold no receipt JSON, name their key, open after a rotation and are moved by the re-seal.
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { API, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import { describe, expect, it } from 'vitest';
import { listConsents } from '../src/consents.js';
import { keyIdOf, UnknownKeyError } from '../src/crypto.js';
import { keyIdHex } from '../src/keyring.js';
import { readDoc, SubjectDocSchema } from '../src/records/docs.js';
import { KEYS } from '../src/records/keys.js';
import { resealRecords } from '../src/reseal.js';
import { DAY_MS } from '../src/retention.js';
import { sweepExpired } from '../src/sweeper.js';
import { type Adapter, fsAdapter, s3Adapter } from './support/adapters.js';
import { createHarness, type Harness, KEY, ORIGIN } from './support/harness.js';
import { makeReceipt } from './support/receipts.js';
import { useLocalS3 } from './support/s3.js';

const master = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const [A, C, UNKNOWN] = [master(1), master(3), master(4)];
const adapters: Adapter[] = [fsAdapter, s3Adapter(useLocalS3())];

/** Receipt and record fields that plaintext JSON of a consent or subject record would show. */
const TELLTALES = [
  'consentReceiptID',
  'piiControllers',
  'Example Shop',
  'privacy@shop.example',
  'policyUrl',
  'tokenHash',
  'receivedAt',
  'withdrawnAt',
];

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** A second harness on `h`'s storage with `FR_ENCRYPTION_KEYS=keys`. */
function withKeys(h: Harness, keys: string): Promise<Harness> {
  const shared = { ...h.storage, close: async () => undefined }; // h closes the storage
  return createHarness({
    open: async () => shared,
    env: { FR_ENCRYPTION_KEY: undefined, FR_ENCRYPTION_KEYS: keys },
  });
}

async function exportOf(h: Harness, token: string) {
  const res = await h.app.inject({
    method: 'GET',
    url: API.subjectExport,
    headers: { authorization: `Bearer ${token}`, origin: ORIGIN },
  });
  return {
    status: res.statusCode,
    body: res.json<{ consents: { receipt: { consentReceiptID: string } }[] }>(),
  };
}

describe.each(adapters)('records sealed at rest ($name adapter)', (adapter) => {
  it('stores no plaintext receipt or subject JSON; every record names the current key', async () => {
    const h = await createHarness({ open: adapter.open });
    try {
      const { token } = await h.subject();
      // A second receipt, then withdrawn: the withdrawal rewrites the record, sealed again.
      const second = makeReceipt();
      expect((await h.grant({ receipt: second, token })).res.statusCode).toBe(201);
      const withdrawn = await h.app.inject({
        method: 'POST',
        url: API.consents,
        headers: {
          authorization: `Bearer ${token}`,
          [PUBLISHABLE_KEY_HEADER]: KEY,
          origin: ORIGIN,
        },
        payload: {
          kind: 'withdraw',
          receiptId: second.consentReceiptID,
          withdrawnAt: h.clock.now().toISOString(),
        },
      });
      expect(withdrawn.statusCode).toBe(200);

      const records = (await h.storage.list(KEYS.subjects)).map((item) => item.key);
      expect(records).toHaveLength(3); // subject record and two consents
      const current = keyIdHex(h.ctx.keys);
      for (const key of records) {
        const raw = Buffer.from((await h.storage.get(key)) ?? new Uint8Array());
        expect(raw.subarray(0, 4).toString('latin1')).toBe('FRE2');
        expect(keyIdOf(raw)).toBe(current);
      }
      // Every byte the adapter holds, read raw (the fs adapter's files on disk), except the
      // audit log: no record field, no receipt content.
      const blobs: Buffer[] = [];
      if (adapter === fsAdapter) {
        for (const file of await filesUnder(h.dataDir)) {
          if (!file.endsWith('audit.log')) blobs.push(await readFile(file));
        }
      } else {
        for (const key of await h.keys()) blobs.push(Buffer.from((await h.storage.get(key)) ?? []));
      }
      const all = Buffer.concat(blobs).toString('latin1');
      expect(all.length).toBeGreaterThan(0);
      for (const telltale of TELLTALES) expect(all).not.toContain(telltale);
      // …and the API still reads them.
      const exported = await exportOf(h, token);
      expect(exported.body.consents).toHaveLength(2);
    } finally {
      await h.close();
    }
  });
});

describe('records and key rotation', () => {
  it('reads records after a rotation; re-seal moves them, and plaintext ones, to the current key', async () => {
    const h = await createHarness({
      env: { FR_ENCRYPTION_KEY: undefined, FR_ENCRYPTION_KEYS: `${C},${A}` },
    });
    try {
      const old = await withKeys(h, A);
      const { token, subjectId, receipt } = await old.subject();
      await old.close();
      // Records from before records were sealed: a plaintext consent record still reads.
      const legacy = makeReceipt();
      const legacyKey = KEYS.consent(subjectId, legacy.consentReceiptID);
      await h.storage.put(
        legacyKey,
        Buffer.from(
          JSON.stringify({
            subjectId,
            receipt: legacy,
            status: 'active',
            receivedAt: new Date().toISOString(),
          }),
        ),
      );
      expect(
        (await exportOf(h, token)).body.consents.map((c) => c.receipt.consentReceiptID).sort(),
      ).toEqual([receipt.consentReceiptID, legacy.consentReceiptID].sort());
      // A server with the new key alone cannot open what A sealed… (tokens minted under A still
      // need A: their index is keyed by it, see README "Key rotation"; the records do not.)
      const newOnly = await withKeys(h, C);
      await expect(listConsents(newOnly.ctx, subjectId)).rejects.toThrow(UnknownKeyError);
      // …until the re-seal has moved every record (subject, A's consent, the plaintext one).
      const failures: string[] = [];
      expect(await resealRecords(h.ctx, (key) => failures.push(key))).toEqual({
        resealed: 3,
        current: 0,
        failed: 0,
      });
      expect(await resealRecords(h.ctx)).toEqual({ resealed: 0, current: 3, failed: 0 });
      const raw = Buffer.from((await h.storage.get(legacyKey)) ?? []);
      expect(raw.toString('latin1')).not.toContain('consentReceiptID');
      expect(await listConsents(newOnly.ctx, subjectId)).toHaveLength(2);
      expect(await readDoc(newOnly.ctx, KEYS.subject(subjectId), SubjectDocSchema)).toMatchObject({
        subjectId,
      });
      await newOnly.close();
    } finally {
      await h.close();
    }
  });

  it('a subject whose records no configured key opens is still forgotten, and reported', async () => {
    const h = await createHarness();
    try {
      const stranger = await withKeys(h, UNKNOWN);
      // Object times are real file times (what an unreadable record expires by): real clocks.
      stranger.clock.time = new Date();
      const { subjectId } = await stranger.subject(
        makeReceipt({
          consentTimestamp: Math.floor(Date.now() / 1000),
          expiresAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
        }),
      );
      await stranger.close();
      h.clock.time = new Date(Date.now() + 30 * DAY_MS);
      const failures: string[] = [];
      const early = await sweepExpired(h.ctx, (key) => failures.push(key));
      expect(early).toMatchObject({ staleSubjects: 0, failed: 1 });
      expect(failures).toEqual([KEYS.subject(subjectId)]);
      // Past the longest consent lifetime plus retention since anything of it was written.
      h.clock.time = new Date(Date.now() + (395 + 31) * DAY_MS);
      const late = await sweepExpired(h.ctx);
      expect(late).toMatchObject({ staleSubjects: 1 });
      expect(await h.keys()).toEqual([]); // subject, consent and both index entries gone
    } finally {
      await h.close();
    }
  });
});
