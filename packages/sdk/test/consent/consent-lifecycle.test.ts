import { describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../src/consent/consent.js';
import type { ConsentOptions } from '../../src/consent/options.js';
import type { ConsentUi } from '../../src/consent/prompt.js';
import type { ConsentStore } from '../../src/consent/store.js';
import { ConfigError, FittingRoomError } from '../../src/errors.js';
import { acceptAll, POLICY, scriptedUi, setup } from './fixtures.js';

describe('withdraw', () => {
  it('tells every listener (even if one throws), records it and lists receipts to erase', async () => {
    const { consent, store } = setup();
    const { ui } = scriptedUi(acceptAll, acceptAll);
    const camera = await consent.request(['camera'], { ui });
    const upload = await consent.request(['upload'], { ui });
    const errors: FittingRoomError[] = [];
    consent.on('error', (e) => errors.push(e));
    consent.onWithdraw(() => {
      throw new Error('faulty listener');
    });
    const heard = vi.fn();
    consent.onWithdraw(heard);
    const event = await consent.withdraw();
    expect(heard).toHaveBeenCalledWith(event);
    expect(errors.map((e) => e.code)).toEqual(['consent_listener_failed']);
    expect(event.receiptIds).toEqual([upload.record?.id]);
    expect(event.receiptIds).not.toContain(camera.record?.id);
    expect(event.record).toMatchObject({
      action: 'withdraw',
      purposes: [],
      refused: ['camera', 'upload'],
    });
    expect(consent.allows('camera')).toBe(false);
    expect(consent.allows('upload')).toBe(false);
    expect(consent.receipt()).toBeNull();
    expect(consent.record?.action).toBe('withdraw');
    expect(store.items().at(-1)).toEqual(event.record);
  });

  it('holds after a reload, and a new grant asks again', async () => {
    const { consent, make } = setup();
    await consent.request(['camera'], { ui: scriptedUi(acceptAll).ui });
    await consent.withdraw();
    const reloaded = make();
    expect((await reloaded.status()).purposes.camera.reason).toBe('withdrawn');
    const { ui, prompts } = scriptedUi(acceptAll);
    await reloaded.request(['camera'], { ui });
    expect(prompts).toHaveLength(1);
    expect(reloaded.allows('camera')).toBe(true);
  });

  it('closes an open dialog without recording an answer', async () => {
    const { consent, store } = setup();
    let opened: () => void = () => undefined;
    const isOpen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const ui: ConsentUi = {
      ask: (_p, signal) =>
        new Promise((resolve) => {
          opened();
          signal.addEventListener('abort', () => resolve({ kind: 'dismissed' }));
        }),
    };
    const pending = consent.request(['camera'], { ui });
    await isOpen;
    await consent.withdraw();
    expect(await pending).toMatchObject({ record: null, granted: [], asked: true });
    expect(store.items()).toEqual([]);
  });
});

describe('errors', () => {
  it('bad configuration throws a ConfigError naming the field', () => {
    const cases: [() => unknown, string][] = [
      [
        () => createConsent({ ...POLICY, controller: { name: '', contact: 'x' } }),
        'policy.controller.name',
      ],
      [() => createConsent(POLICY, { locale: 'pt' }), 'options.locale'],
      [() => createConsent(POLICY, { now: 'today' } as unknown as ConsentOptions), 'options.now'],
      [
        () => createConsent(POLICY, { store: {} } as unknown as ConsentOptions),
        'options.store.load',
      ],
      [
        () =>
          createConsent(POLICY, { strings: { en: { titel: 'x' } } } as unknown as ConsentOptions),
        'options.strings.en.titel',
      ],
      [
        () => createConsent(POLICY, { colour: 'red' } as unknown as ConsentOptions),
        'options.colour',
      ],
    ];
    for (const [run, field] of cases) {
      expect(run).toThrow(ConfigError);
      try {
        run();
      } catch (error) {
        expect((error as ConfigError).field).toBe(field);
      }
    }
  });

  it('a request for an undeclared purpose rejects with the entry named', async () => {
    const { consent } = setup();
    await expect(consent.request(['product-improvement'])).rejects.toMatchObject({
      field: 'request.purposes.0',
    });
    await expect(consent.request([])).rejects.toMatchObject({ field: 'request.purposes' });
  });

  it('a failing store loses nothing: the decision holds for the page and an error is reported', async () => {
    const store: ConsentStore = {
      load: async () => {
        throw new Error('blocked');
      },
      append: async () => {
        throw new Error('quota');
      },
      clear: async () => undefined,
    };
    const consent = createConsent(POLICY, { store, locale: 'en' });
    const errors: string[] = [];
    consent.on('error', (e) => errors.push(e.code));
    const result = await consent.request(['camera'], { ui: scriptedUi(acceptAll).ui });
    expect(result.granted).toEqual(['camera']);
    expect(consent.allows('camera')).toBe(true);
    expect(errors).toEqual(['consent_storage', 'consent_storage']);
  });

  it('after close: allows is false and requests reject', async () => {
    const { consent } = setup();
    await consent.request(['camera'], { ui: scriptedUi(acceptAll).ui });
    consent.close();
    expect(consent.allows('camera')).toBe(false);
    await expect(consent.request(['camera'])).rejects.toBeInstanceOf(FittingRoomError);
  });
});
