import { describe, expect, it } from 'vitest';
import { type AttributeReader, resolveConfig } from '../src/config.js';
import { EmbedError } from '../src/types.js';

const LOADER = 'https://shop.example/static/fr/fittingroom-loader.js';
const PAGE = 'https://shop.example/products/ring.html';

const BASE_ATTRS: Record<string, string> = {
  'policy-url': '/privacy',
  'policy-version': '2025-01',
  controller: 'Shop Ltd',
  contact: 'privacy@shop.example',
  jurisdiction: 'EU',
  'storage-location': 'Frankfurt, Germany',
};

const reader =
  (attrs: Record<string, string>): AttributeReader =>
  (name) =>
    attrs[name] ?? null;

function problem(fn: () => unknown): { field: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof EmbedError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a config error');
}

describe('resolveConfig', () => {
  it('passes photo mode on from data-mode or the global object (the SDK checks the value)', () => {
    const attr = resolveConfig(reader({ ...BASE_ATTRS, mode: 'photo' }), undefined, LOADER, PAGE);
    expect(attr.mode).toBe('photo');
    const global = resolveConfig(reader(BASE_ATTRS), { mode: 'photo' }, LOADER, PAGE);
    expect(global.mode).toBe('photo');
    expect(resolveConfig(reader(BASE_ATTRS), undefined, LOADER, PAGE).mode).toBeUndefined();
    expect(problem(() => resolveConfig(reader(BASE_ATTRS), { mode: 1 }, LOADER, PAGE)).field).toBe(
      'FittingRoomConfig.mode',
    );
  });

  it('reads the policy from the script tag and defaults SDK and assets beside the loader', () => {
    const config = resolveConfig(reader(BASE_ATTRS), undefined, LOADER, PAGE);
    expect(config.sdkUrl).toBe('https://shop.example/static/fr/fittingroom/tryon.js');
    expect(config.assetsUrl).toBe('https://shop.example/static/fr/fittingroom/assets/');
    expect(config.policy).toEqual({
      policyUrl: 'https://shop.example/privacy',
      policyVersion: '2025-01',
      jurisdiction: 'EU',
      storageLocation: 'Frankfurt, Germany',
      controller: { name: 'Shop Ltd', contact: 'privacy@shop.example' },
    });
    expect(config.ingest).toBeUndefined();
    expect(config.debug).toBe(false);
  });

  it('lets the global object win field by field, controller included', () => {
    const config = resolveConfig(
      reader({ ...BASE_ATTRS, 'retention-days': '30', ingest: 'https://a.example', key: 'pk_a' }),
      {
        policy: { policyVersion: '2025-02', controller: { contact: 'dpo@shop.example' } },
        ingest: { endpoint: 'https://ingest.shop.example' },
      },
      LOADER,
      PAGE,
    );
    expect(config.policy).toMatchObject({
      policyVersion: '2025-02',
      retentionDays: 30,
      controller: { name: 'Shop Ltd', contact: 'dpo@shop.example' },
    });
    expect(config.ingest).toEqual({
      endpoint: 'https://ingest.shop.example',
      publishableKey: 'pk_a',
    });
  });

  it('reads data-retention-policy-url, resolved against the page like the policy link', () => {
    const attrs = {
      ...BASE_ATTRS,
      'retention-policy-url': 'https://ingest.shop.example/retention-policy',
    };
    expect(resolveConfig(reader(attrs), undefined, LOADER, PAGE).policy.retentionPolicyUrl).toBe(
      'https://ingest.shop.example/retention-policy',
    );
    const relative = { ...BASE_ATTRS, 'retention-policy-url': '/retention-policy?lang=fr' };
    expect(resolveConfig(reader(relative), undefined, LOADER, PAGE).policy.retentionPolicyUrl).toBe(
      'https://shop.example/retention-policy?lang=fr',
    );
    expect(resolveConfig(reader(BASE_ATTRS), undefined, LOADER, PAGE).policy).not.toHaveProperty(
      'retentionPolicyUrl',
    );
    const global = { policy: { retentionPolicyUrl: 'https://[bad' } };
    expect(problem(() => resolveConfig(reader(BASE_ATTRS), global, LOADER, PAGE)).field).toBe(
      'policy.retentionPolicyUrl',
    );
  });

  it('resolves configured URLs against the page and parses list and flag attributes', () => {
    const config = resolveConfig(
      reader({ ...BASE_ATTRS, assets: '../models/', purposes: 'camera, upload', debug: '' }),
      { sdkUrl: '/sdk/index.js' },
      LOADER,
      PAGE,
    );
    expect(config.assetsUrl).toBe('https://shop.example/models/');
    expect(config.sdkUrl).toBe('https://shop.example/sdk/index.js');
    expect(config.policy.purposes).toEqual(['camera', 'upload']);
    expect(config.debug).toBe(true);
  });

  it.each([
    ['policy-url', 'policy.policyUrl'],
    ['policy-version', 'policy.policyVersion'],
    ['controller', 'policy.controller.name'],
    ['contact', 'policy.controller.contact'],
  ])('names the field when %s is missing', (attr, field) => {
    const attrs = { ...BASE_ATTRS };
    delete attrs[attr];
    const found = problem(() => resolveConfig(reader(attrs), undefined, LOADER, PAGE));
    expect(found.field).toBe(field);
    expect(found.message).toContain(`data-${attr}`);
  });

  it('names an unknown global option (a typo is not silently ignored)', () => {
    const found = problem(() =>
      resolveConfig(reader(BASE_ATTRS), { assetUrl: '/x/' }, LOADER, PAGE),
    );
    expect(found.field).toBe('FittingRoomConfig.assetUrl');
  });

  it('refuses a non-object global, a non-integer attribute and half an ingest config', () => {
    expect(problem(() => resolveConfig(reader(BASE_ATTRS), 'x', LOADER, PAGE)).field).toBe(
      'FittingRoomConfig',
    );
    const days = { ...BASE_ATTRS, 'retention-days': '30d' };
    expect(problem(() => resolveConfig(reader(days), undefined, LOADER, PAGE)).field).toBe(
      'data-retention-days',
    );
    const keyOnly = { ...BASE_ATTRS, key: 'pk_test_local' };
    expect(problem(() => resolveConfig(reader(keyOnly), undefined, LOADER, PAGE)).field).toBe(
      'ingest.endpoint',
    );
    const endpointOnly = { ...BASE_ATTRS, ingest: 'https://i.example' };
    expect(problem(() => resolveConfig(reader(endpointOnly), undefined, LOADER, PAGE)).field).toBe(
      'ingest.publishableKey',
    );
    const policy = { policy: { controller: 'Shop' } };
    expect(problem(() => resolveConfig(reader(BASE_ATTRS), policy, LOADER, PAGE)).field).toBe(
      'FittingRoomConfig.policy.controller',
    );
  });
});
