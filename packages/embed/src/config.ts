import {
  type EmbedConfig,
  fail,
  type IngestInit,
  type PolicyInit,
  type StringsInit,
} from './types.js';

/** Reads one `data-*` attribute of the loader's `<script>` tag (name without `data-`). */
export type AttributeReader = (name: string) => string | null | undefined;

type Obj = Record<string, unknown>;

const GLOBAL = 'FittingRoomConfig';
const KNOWN = [
  'sdkUrl',
  'assetsUrl',
  'ingest',
  'policy',
  'locale',
  'strings',
  'debug',
  'products',
  'mode',
];

// Policy fields a script tag can carry, as [option, attribute]; the SDK checks the rest.
const POLICY_TEXT: ReadonlyArray<readonly [string, string]> = [
  ['policyUrl', 'policy-url'],
  ['retentionPolicyUrl', 'retention-policy-url'],
  ['policyVersion', 'policy-version'],
  ['jurisdiction', 'jurisdiction'],
  ['storageLocation', 'storage-location'],
];
const POLICY_INT: ReadonlyArray<readonly [string, string]> = [
  ['retentionDays', 'retention-days'],
  ['consentDays', 'consent-days'],
  ['minAge', 'min-age'],
];

/** True for a plain (non-null, non-array) object. */
export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is an object, `{}` when absent; otherwise a config error naming `field`. */
function objectAt(value: unknown, field: string): Obj {
  if (value === undefined) return {};
  return isObject(value) ? value : fail(field, 'must be an object');
}

/** Drops `undefined` entries so the SDK's strict schemas only see what was set. */
function defined(entries: Obj): Obj {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/** A whole number from an attribute, or a config error naming the attribute. */
function intAttr(read: AttributeReader, name: string): number | undefined {
  const raw = read(name);
  if (raw == null) return undefined;
  return /^\d+$/.test(raw.trim()) ? Number(raw) : fail(`data-${name}`, 'must be a whole number');
}

/** Resolves a URL option against `base`, or a config error naming `field`. */
function urlAt(value: unknown, base: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') return fail(field, 'must be a URL');
  try {
    return new URL(value, base).href;
  } catch {
    return fail(field, 'must be a URL');
  }
}

/** The policy: script-tag attributes first, the global object's fields win one by one. */
function policyFrom(read: AttributeReader, global: Obj, pageUrl: string): PolicyInit {
  const fromGlobal = objectAt(global.policy, `${GLOBAL}.policy`);
  const controller = objectAt(fromGlobal.controller, `${GLOBAL}.policy.controller`);
  const fromAttrs: Obj = {};
  for (const [key, attr] of POLICY_TEXT) fromAttrs[key] = read(attr) ?? undefined;
  for (const [key, attr] of POLICY_INT) fromAttrs[key] = intAttr(read, attr);
  const purposes = read('purposes');
  if (purposes != null) fromAttrs.purposes = purposes.split(/[\s,]+/).filter(Boolean);
  const policy = defined({
    ...defined(fromAttrs),
    ...fromGlobal,
    controller: defined({
      name: read('controller') ?? undefined,
      contact: read('contact') ?? undefined,
      ...controller,
    }),
  });
  requireText(policy, 'policyUrl', 'policy-url');
  // A page-relative policy link (`/privacy`) is what retailers write; receipts need it absolute.
  policy.policyUrl = urlAt(policy.policyUrl, pageUrl, 'policy.policyUrl');
  // The public retention policy (the ingest server's /retention-policy), by the same rule.
  if (policy.retentionPolicyUrl !== undefined) {
    policy.retentionPolicyUrl = urlAt(
      policy.retentionPolicyUrl,
      pageUrl,
      'policy.retentionPolicyUrl',
    );
  }
  requireText(policy, 'policyVersion', 'policy-version');
  requireText(policy.controller as Obj, 'name', 'controller', 'controller.');
  requireText(policy.controller as Obj, 'contact', 'contact', 'controller.');
  return policy;
}

/** Fails naming both ways to set a required policy field when it is missing or empty. */
function requireText(from: Obj, key: string, attr: string, path = ''): void {
  const value = from[key];
  if (typeof value === 'string' && value.trim() !== '') return;
  fail(`policy.${path}${key}`, `is required (data-${attr} or ${GLOBAL}.policy.${path}${key})`);
}

/** The ingest server, when configured; endpoint and key go together. */
function ingestFrom(read: AttributeReader, global: Obj): IngestInit | undefined {
  const fromGlobal = objectAt(global.ingest, `${GLOBAL}.ingest`);
  const endpoint = fromGlobal.endpoint ?? read('ingest') ?? undefined;
  const publishableKey = fromGlobal.publishableKey ?? read('key') ?? undefined;
  if (endpoint === undefined && publishableKey === undefined) return undefined;
  if (typeof endpoint !== 'string' || endpoint === '') {
    return fail('ingest.endpoint', `is required with a key (data-ingest or ${GLOBAL}.ingest)`);
  }
  if (typeof publishableKey !== 'string' || publishableKey === '') {
    return fail(
      'ingest.publishableKey',
      `is required with an endpoint (data-key or ${GLOBAL}.ingest)`,
    );
  }
  return { endpoint, publishableKey };
}

/**
 * Merges the loader's configuration from its `<script>` tag's `data-*` attributes and the
 * optional `window.FittingRoomConfig` object (the object wins field by field). SDK and assets
 * default to the folder beside the loader. Throws an `EmbedError` naming the field at fault;
 * full policy validation is left to the SDK.
 */
export function resolveConfig(
  read: AttributeReader,
  globalConfig: unknown,
  loaderUrl: string,
  pageUrl: string,
): EmbedConfig {
  const global = objectAt(globalConfig, GLOBAL);
  for (const key of Object.keys(global)) {
    if (!KNOWN.includes(key)) fail(`${GLOBAL}.${key}`, 'is not a known option');
  }
  const sdk = global.sdkUrl ?? read('sdk');
  const assets = global.assetsUrl ?? read('assets');
  const strings = objectAt(global.strings, `${GLOBAL}.strings`);
  const locale = global.locale ?? read('locale') ?? undefined;
  if (locale !== undefined && typeof locale !== 'string') fail(`${GLOBAL}.locale`, 'must be text');
  const mode = global.mode ?? read('mode') ?? undefined;
  if (mode !== undefined && typeof mode !== 'string') fail(`${GLOBAL}.mode`, 'must be text');
  const debugAttr = read('debug');
  const ingest = ingestFrom(read, global);
  return {
    sdkUrl:
      sdk == null ? new URL('fittingroom/tryon.js', loaderUrl).href : urlAt(sdk, pageUrl, 'sdkUrl'),
    assetsUrl:
      assets == null
        ? new URL('fittingroom/assets/', loaderUrl).href
        : urlAt(assets, pageUrl, 'assetsUrl'),
    policy: policyFrom(read, global, pageUrl),
    ingest: ingest || undefined,
    locale: locale || undefined,
    strings: global.strings ? (strings as StringsInit) : undefined,
    debug: global.debug === true || (debugAttr != null && debugAttr !== 'false'),
    mode: mode || undefined,
    products: objectAt(global.products, `${GLOBAL}.products`) as EmbedConfig['products'],
  };
}
