import 'fake-indexeddb/auto';
import { ConsentReceiptSchema } from '@fittingroom/protocol';
import { IDBFactory } from 'fake-indexeddb';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../src/consent/consent.js';
import type { ConsentPrompt } from '../../src/consent/prompt.js';
import { type ConsentStore, idbConsentStore } from '../../src/consent/store.js';
import { acceptAll, acceptOnly, POLICY, refuseAll, scriptedUi, setup } from './fixtures.js';

describe('before the shopper acts', () => {
  it('writes nothing: creating, reading status and receipts leave the store empty', async () => {
    const append = vi.fn();
    const store: ConsentStore = { load: async () => [], append, clear: vi.fn() };
    const consent = createConsent(POLICY, { store, locale: 'en' });
    await consent.ready();
    expect(consent.allows('camera')).toBe(false);
    expect(consent.record).toBeNull();
    expect(consent.receipt()).toBeNull();
    expect((await consent.status()).purposes.camera).toEqual({
      allowed: false,
      reason: 'not-asked',
      expiresAt: null,
    });
    expect(append).not.toHaveBeenCalled();
  });

  it('creates no IndexedDB database until the shopper answers', async () => {
    const idb = new IDBFactory();
    const seenWhileAsking: string[][] = [];
    const ui = {
      ask: async (p: ConsentPrompt) => {
        seenWhileAsking.push((await idb.databases()).map((d) => d.name ?? ''));
        return acceptAll(p);
      },
    };
    const store = idbConsentStore({ indexedDB: idb });
    const consent = createConsent(POLICY, { store, locale: 'en', ui });
    await consent.status();
    expect(await idb.databases()).toEqual([]);
    await consent.request(['camera']);
    expect(seenWhileAsking).toEqual([[]]);
    expect((await idb.databases()).map((d) => d.name)).toEqual(['fittingroom-consent']);
  });
});

describe('request', () => {
  it('asks, records the grant with the hash of the notice shown, and does not ask again', async () => {
    const { consent, store } = setup();
    const { ui, prompts } = scriptedUi(acceptAll);
    const result = await consent.request(['camera'], { ui });
    expect(result).toMatchObject({ granted: ['camera'], refused: [], asked: true });
    expect(prompts[0]?.offered).toEqual(['camera']);
    expect(prompts[0]?.minAge).toBeNull();
    const record = result.record;
    expect(record).toMatchObject({
      action: 'grant',
      purposes: ['camera'],
      policyVersion: '2025-01',
      locale: 'en',
      method: 'button',
    });
    expect(store.items()).toEqual([record]);
    expect(consent.allows('camera')).toBe(true);
    expect(consent.allows('upload')).toBe(false);
    const again = await consent.request(['camera'], { ui });
    expect(again).toMatchObject({ granted: ['camera'], asked: false, record: null });
    expect(prompts).toHaveLength(1);
  });

  it('records refusal (what Escape answers) for the page only, and asks again next time', async () => {
    const { consent, store } = setup();
    const { ui, prompts } = scriptedUi(refuseAll, acceptAll);
    const refused = await consent.request(['camera'], { ui });
    expect(refused).toMatchObject({ granted: [], refused: ['camera'] });
    expect(refused.record?.action).toBe('refuse');
    expect((await consent.status()).purposes.camera.reason).toBe('refused');
    // Refusing writes nothing: no storage exists for a shopper who never said yes.
    expect(store.items()).toHaveLength(0);
    expect(await consent.history()).toHaveLength(1);
    await consent.request(['camera'], { ui });
    expect(prompts).toHaveLength(2);
    expect(store.items()).toHaveLength(1);
    expect((store.items()[0] as { action: string }).action).toBe('grant');
  });

  it('keeps a later refusal beside earlier records once the shopper has some', async () => {
    const { consent, store } = setup();
    const { ui } = scriptedUi(acceptAll, refuseAll);
    await consent.request(['camera'], { ui });
    await consent.request(['upload'], { ui });
    expect(store.items().map((r) => (r as { action: string }).action)).toEqual(['grant', 'refuse']);
  });

  it('asks each purpose on its own and keeps earlier grants in the newest record', async () => {
    const { consent } = setup(
      {},
      { ...POLICY, purposes: ['camera', 'upload', 'product-improvement'] },
    );
    const { ui, prompts } = scriptedUi(acceptAll, acceptOnly('upload'));
    await consent.request(['camera'], { ui });
    const second = await consent.request(['upload', 'product-improvement'], { ui });
    expect(prompts[1]?.offered).toEqual(['upload', 'product-improvement']);
    expect(prompts[1]?.allowed).toEqual(['camera']);
    expect(second.record).toMatchObject({
      purposes: ['camera', 'upload'],
      refused: ['product-improvement'],
    });
    expect(consent.record).toBe(second.record);
    expect(consent.receipt()?.services[0]?.purposes.map((p) => p.purpose)).toEqual([
      'camera',
      'upload',
    ]);
  });

  it('persists across reloads: a new controller on the same store does not ask', async () => {
    const { consent, make } = setup();
    await consent.request(['camera'], { ui: scriptedUi(acceptAll).ui });
    const reloaded = make();
    const { ui, prompts } = scriptedUi();
    expect(await reloaded.request(['camera'], { ui })).toMatchObject({
      granted: ['camera'],
      asked: false,
    });
    expect(prompts).toHaveLength(0);
    expect(reloaded.allows('camera')).toBe(true);
  });

  it('asks again on a new policy version, an expired record or a changed notice', async () => {
    const { consent, make, time } = setup();
    await consent.request(['camera'], { ui: scriptedUi(acceptAll).ui });

    const newVersion = make({}, { ...POLICY, policyVersion: '2025-06' });
    expect((await newVersion.status()).purposes.camera.reason).toBe('policy-changed');
    const v2 = scriptedUi(acceptAll);
    await newVersion.request(['camera'], { ui: v2.ui });
    expect(v2.prompts).toHaveLength(1);

    const reworded = make({ strings: { en: { cameraWhere: 'Where: here.' } } });
    expect((await reworded.status()).purposes.camera.reason).toBe('notice-changed');

    const same = make();
    time.addDays(179);
    expect((await same.status()).purposes.camera.allowed).toBe(true);
    time.addDays(1);
    expect((await same.status()).purposes.camera.reason).toBe('expired');
    expect(same.allows('camera')).toBe(false);
  });

  it('takes the shopper’s language into the record and receipt', async () => {
    const { make } = setup();
    const consent = make({ locale: 'hi-IN' });
    const { ui, prompts } = scriptedUi(acceptAll);
    const { record } = await consent.request(['camera'], { ui });
    expect(prompts[0]?.notice.title).toBe('वर्चुअल ट्राई-ऑन में आपकी निजता');
    expect(record?.locale).toBe('hi');
    const receipt = consent.receipt();
    expect(v.safeParse(ConsentReceiptSchema, receipt).success).toBe(true);
    expect(receipt?.language).toBe('hi');
  });

  it('serialises concurrent requests so the second sees the first decision', async () => {
    const { consent } = setup();
    const { ui, prompts } = scriptedUi(acceptAll);
    const [a, b] = await Promise.all([
      consent.request(['camera'], { ui }),
      consent.request(['camera'], { ui }),
    ]);
    expect(a.asked).toBe(true);
    expect(b).toMatchObject({ asked: false, granted: ['camera'] });
    expect(prompts).toHaveLength(1);
  });
});

describe('signals', () => {
  it('GPC or DNT make sharing unavailable (and say why) but never the camera', async () => {
    for (const [signals, reason] of [
      [{ gpc: true, dnt: false }, 'gpc'],
      [{ gpc: false, dnt: true }, 'dnt'],
    ] as const) {
      const { consent } = setup({ signals: () => signals });
      const { ui, prompts } = scriptedUi(acceptAll);
      const result = await consent.request(['camera', 'upload'], { ui });
      expect(prompts[0]?.offered).toEqual(['camera']);
      expect(prompts[0]?.unavailable).toEqual([{ purpose: 'upload', reason }]);
      expect(result.granted).toEqual(['camera']);
      expect(result.unavailable).toEqual([{ purpose: 'upload', reason }]);
    }
  });

  it('a signal turned on later stops a granted upload; honouring can be switched off', async () => {
    let gpc = false;
    const { consent } = setup({ signals: () => ({ gpc, dnt: false }) });
    await consent.request(['upload'], { ui: scriptedUi(acceptAll).ui });
    expect(consent.allows('upload')).toBe(true);
    gpc = true;
    expect(consent.allows('upload')).toBe(false);
    const { make } = setup(
      { signals: () => ({ gpc: true, dnt: true }) },
      { ...POLICY, honorSignals: { gpc: false, dnt: false } },
    );
    const { prompts, ui } = scriptedUi(acceptAll);
    await make().request(['upload'], { ui });
    expect(prompts[0]?.offered).toEqual(['upload']);
  });
});

describe('age gate', () => {
  const policy = { ...POLICY, minAge: 18 };

  it('asks age first; under age: no record, camera never offered again this session', async () => {
    const { consent, store } = setup({}, policy);
    const { ui, prompts } = scriptedUi({ kind: 'underage' }, acceptAll);
    const first = await consent.request(['camera'], { ui });
    expect(prompts[0]?.minAge).toBe(18);
    expect(first).toMatchObject({
      granted: [],
      record: null,
      unavailable: [{ purpose: 'camera', reason: 'age' }],
    });
    const second = await consent.request(['camera'], { ui });
    expect(prompts[1]?.offered).toEqual([]);
    expect(second.unavailable).toEqual([{ purpose: 'camera', reason: 'age' }]);
    expect(store.items()).toEqual([]);
  });

  it('asks age once: a confirmed adult is not asked again in the session', async () => {
    const { consent } = setup({}, policy);
    const { ui, prompts } = scriptedUi(acceptAll, acceptAll);
    await consent.request(['camera'], { ui });
    await consent.request(['upload'], { ui });
    expect(prompts.map((p) => p.minAge)).toEqual([18, null]);
  });
});
