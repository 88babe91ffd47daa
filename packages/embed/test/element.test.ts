import { afterEach, expect, it, vi } from 'vitest';
import { boot, type LoaderPage } from '../src/boot.js';
import type { SdkModule, TryOnInit } from '../src/types.js';

// The custom element registry lives as long as the page, so this file boots the loader once.
const page = window as unknown as LoaderPage;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.restoreAllMocks();
});

it('defines <fitting-room-button>, wrapping its label in a real button', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  page.FittingRoomConfig = {
    policy: {
      policyUrl: 'https://shop.example/privacy',
      policyVersion: '1',
      controller: { name: 'Shop', contact: 'privacy@shop.example' },
    },
    products: {
      g: { kind: 'glasses', image: '/g.svg', anchor: { x: 0.5, y: 0.4 }, realWidthMm: 140 },
    },
  };
  const created: TryOnInit[] = [];
  const sdk: SdkModule = {
    createTryOn(options) {
      created.push(options);
      return {
        open: async () => {},
        close: async () => {},
        withdraw: async () => {},
        exportMyData: async () => null,
        eraseMyData: async () => {},
        on: () => () => {},
      };
    },
  };
  boot(page, null, 'test', async () => sdk);

  const template = document.createElement('template');
  template.innerHTML =
    '<fitting-room-button product="g" hidden>See them <b>on</b> you</fitting-room-button>' +
    '<fitting-room-button product="nope" hidden></fitting-room-button>' +
    '<fitting-room-button product="g" kind="necklace" hidden></fitting-room-button>';
  document.body.append(template.content);
  await flush();

  const [good, bad, overridden] = document.querySelectorAll<HTMLElement>('fitting-room-button');
  const button = good?.querySelector('button');
  expect(button?.textContent).toBe('See them on you');
  expect(button?.querySelector('b')).not.toBeNull();
  expect(button?.type).toBe('button');
  expect(good?.hidden).toBe(false);
  expect(bad?.hidden).toBe(true);
  expect(overridden?.querySelector('button')?.textContent).toBe('Try it on');

  button?.click();
  await flush();
  expect(created[0]?.product).toMatchObject({ id: 'g', kind: 'glasses', realWidthMm: 140 });
  overridden?.querySelector('button')?.click();
  await flush();
  // One try-on per product id: the first definition of "g" is the one opened.
  expect(created).toHaveLength(1);
});
