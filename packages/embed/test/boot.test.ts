import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boot, type LoaderPage } from '../src/boot.js';
import type { SdkModule, TryOnHandle, TryOnInit } from '../src/types.js';

const POLICY_ATTRS =
  'data-policy-url="https://shop.example/privacy" data-policy-version="1" ' +
  'data-controller="Shop" data-contact="privacy@shop.example"';

/** A fake SDK module that records what the loader asks of it. */
function fakeSdk() {
  const created: TryOnInit[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const handle: TryOnHandle & { opened: number } = {
    opened: 0,
    async open() {
      handle.opened += 1;
    },
    close: async () => {},
    withdraw: async () => {},
    exportMyData: async () => null,
    eraseMyData: async () => {},
    on(event, listener) {
      listeners.set(event, listener as (payload: unknown) => void);
      return () => listeners.delete(event);
    },
  };
  const module: SdkModule = {
    createTryOn(options) {
      created.push(options);
      return handle;
    },
  };
  return { module, created, handle, listeners };
}

function loaderScript(attrs = POLICY_ATTRS): HTMLScriptElement {
  const holder = document.createElement('div');
  holder.innerHTML = `<script src="https://shop.example/fr/fittingroom-loader.js" ${attrs}></script>`;
  return holder.firstElementChild as HTMLScriptElement;
}

const page = () => window as unknown as LoaderPage;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('boot', () => {
  let errors: unknown[][];

  beforeEach(() => {
    errors = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args);
    });
  });

  afterEach(() => {
    delete page().FittingRoom;
    delete page().FittingRoomConfig;
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('shows valid buttons, imports nothing before a click, then opens the try-on', async () => {
    document.body.innerHTML = `
      <button type="button" hidden data-fittingroom-product="ring-1" data-kind="ring"
        data-image="/ring.svg" data-anchor-x="0.5" data-anchor-y="0.5" data-width-mm="20">Try</button>
      <button type="button" hidden data-fittingroom-product="bad" data-kind="hat">Try</button>`;
    const sdk = fakeSdk();
    const importSdk = vi.fn(async () => sdk.module);
    boot(page(), loaderScript(), 'test', importSdk);
    const [good, bad] = document.querySelectorAll('button');
    expect(good?.hidden).toBe(false);
    expect(bad?.hidden).toBe(true);
    expect(String(errors[0])).toContain('data-kind');
    expect(importSdk).not.toHaveBeenCalled();

    good?.click();
    await flush();
    expect(importSdk).toHaveBeenCalledWith('https://shop.example/fr/fittingroom/tryon.js');
    expect(sdk.created[0]).toMatchObject({
      product: { id: 'ring-1', kind: 'ring', realWidthMm: 20 },
      assetsUrl: 'https://shop.example/fr/fittingroom/assets/',
      policy: { policyVersion: '1', controller: { name: 'Shop' } },
    });
    expect(sdk.handle.opened).toBe(1);

    good?.click();
    await flush();
    expect(importSdk).toHaveBeenCalledTimes(1);
    expect(sdk.created).toHaveLength(1);
    expect(sdk.handle.opened).toBe(2);
  });

  it('keeps every button hidden and names the field when the config is wrong', async () => {
    document.body.innerHTML = `<button hidden data-fittingroom-product="r" data-kind="ring"
      data-image="/r.svg" data-anchor-x="0.5" data-anchor-y="0.5" data-width-mm="20">Try</button>`;
    const importSdk = vi.fn(async () => fakeSdk().module);
    boot(page(), loaderScript('data-policy-version="1"'), 'test', importSdk);
    expect(document.querySelector('button')?.hidden).toBe(true);
    expect(String(errors[0])).toContain('policy.policyUrl');
    expect(page().FittingRoom).toBeUndefined();
    document.querySelector('button')?.click();
    await flush();
    expect(importSdk).not.toHaveBeenCalled();
  });

  it('re-dispatches try-on events on document', async () => {
    document.body.innerHTML = `<button hidden data-fittingroom-product="r" data-kind="ring"
      data-image="/r.svg" data-anchor-x="0.5" data-anchor-y="0.5" data-width-mm="20">Try</button>`;
    const sdk = fakeSdk();
    boot(page(), loaderScript(), 'test', async () => sdk.module);
    const seen: unknown[] = [];
    document.addEventListener('fittingroom:state', (event) => {
      seen.push((event as CustomEvent).detail);
    });
    await page().FittingRoom?.open();
    sdk.listeners.get('state')?.('live');
    expect(seen).toEqual([{ productId: 'r', value: 'live' }]);
  });

  it('reports a failed SDK import as an error event and lets a later click retry', async () => {
    document.body.innerHTML = `<button hidden data-fittingroom-product="r" data-kind="ring"
      data-image="/r.svg" data-anchor-x="0.5" data-anchor-y="0.5" data-width-mm="20">Try</button>`;
    const sdk = fakeSdk();
    const importSdk = vi
      .fn<(url: string) => Promise<SdkModule>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(sdk.module);
    boot(page(), loaderScript(), 'test', importSdk);
    const failures: unknown[] = [];
    document.addEventListener('fittingroom:error', (event) => {
      failures.push((event as CustomEvent).detail.value);
    });
    const button = document.querySelector('button');
    button?.click();
    await flush();
    expect(failures).toHaveLength(1);
    expect(button?.hasAttribute('aria-busy')).toBe(false);
    button?.click();
    await flush();
    expect(sdk.handle.opened).toBe(1);
  });

  it('runs once per page', () => {
    const importSdk = vi.fn(async () => fakeSdk().module);
    boot(page(), loaderScript(), 'first', importSdk);
    boot(page(), loaderScript(), 'second', importSdk);
    expect(page().FittingRoom?.version).toBe('first');
  });
});
