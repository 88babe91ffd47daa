import { createHash } from 'node:crypto';
import { type KeyMode, WEBHOOK_EVENTS, type WebhookEventType } from '@fittingroom/protocol';

/** Publishable keys go in pages; secret keys only in the retailer's own servers. */
export type KeyKind = 'publishable' | 'secret';

/** One configured API key; `id` names it in audit lines and the console (never the key). */
export interface ApiKey {
  readonly key: string;
  readonly id: string;
  readonly kind: KeyKind;
  readonly mode: KeyMode;
}

/** A webhook endpoint from the environment (`FR_WEBHOOK_URLS`). */
export interface ConfiguredEndpoint {
  readonly url: string;
  readonly mode: KeyMode;
  readonly events: readonly WebhookEventType[];
}

/** The retailer's side: keys with their mode, webhooks, console, the public policy's facts. */
export interface RetailerConfig {
  readonly keys: readonly ApiKey[];
  readonly webhooks: {
    readonly endpoints: readonly ConfiguredEndpoint[];
    /** Signing secret of the configured endpoints (`FR_WEBHOOK_SECRET`). */
    readonly secret: string | null;
    readonly intervalMs: number;
  };
  /** Console sign-in besides a secret key (`FR_CONSOLE_PASSWORD`). */
  readonly consolePassword: string | null;
  /** Retailer API calls per secret key per rate-limit window. */
  readonly perSecretKey: number;
  /** Facts the public retention policy states. */
  readonly policy: {
    readonly controller: string;
    readonly contact: string;
    readonly storageLocation: string;
  };
}

/** A mistake in one variable (turned into a ConfigError by config.ts). */
export class RetailerConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

const BODY = /^[A-Za-z0-9_-]{8,128}$/;

/** The id of a key: its mode and kind, and a hash of it (a key must never be written down). */
export function keyId(key: string, kind: KeyKind, mode: KeyMode): string {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12);
  return `${kind === 'secret' ? 'sk' : 'pk'}_${mode}_${hash}`;
}

/**
 * Keys of one mode (`FR_LIVE_KEYS` or `FR_TEST_KEYS`): each must start `pk_<mode>_` or
 * `sk_<mode>_`, so a key's prefix always tells its mode; a secret key is 24 characters or more.
 */
export function parseModeKeys(variable: string, items: readonly string[], mode: KeyMode): ApiKey[] {
  return items.map((key) => {
    const kind: KeyKind | null = key.startsWith(`pk_${mode}_`)
      ? 'publishable'
      : key.startsWith(`sk_${mode}_`)
        ? 'secret'
        : null;
    if (kind === null) {
      throw new RetailerConfigError(
        variable,
        `"${key.slice(0, 8)}…" must start pk_${mode}_ or sk_${mode}_`,
      );
    }
    if (!BODY.test(key) || (kind === 'secret' && key.length < 24)) {
      throw new RetailerConfigError(
        variable,
        `a ${kind} key must be ${kind === 'secret' ? 24 : 8}–128 characters of A-Z a-z 0-9 _ -`,
      );
    }
    return { key, kind, mode, id: keyId(key, kind, mode) };
  });
}

/** Live publishable keys of `FR_PUBLISHABLE_KEYS` (any name; the setting from before modes). */
export function legacyKeys(items: readonly string[]): ApiKey[] {
  return items.map((key) => ({
    key,
    kind: 'publishable',
    mode: 'live',
    id: keyId(key, 'publishable', 'live'),
  }));
}

/**
 * `FR_WEBHOOK_URLS`: comma-separated `<mode>:<url>` or `<mode>:<url>#<event>+<event>` entries,
 * e.g. `live:https://shop.example/hooks/fr,test:http://127.0.0.1:4000/hooks`.
 */
export function parseEndpoints(items: readonly string[]): ConfiguredEndpoint[] {
  return items.map((item) => {
    const match = /^(live|test):(.+)$/.exec(item);
    if (!match?.[1] || !match[2]) {
      throw new RetailerConfigError('FR_WEBHOOK_URLS', `"${item}" must be <live|test>:<url>`);
    }
    const [url = '', eventList] = match[2].split('#');
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw new RetailerConfigError('FR_WEBHOOK_URLS', `"${url}" is not an http(s) URL`);
    }
    const events = eventList ? eventList.split('+') : [...WEBHOOK_EVENTS];
    for (const event of events) {
      if (!(WEBHOOK_EVENTS as readonly string[]).includes(event)) {
        throw new RetailerConfigError('FR_WEBHOOK_URLS', `unknown event "${event}"`);
      }
    }
    return { url, mode: match[1] as KeyMode, events: events as WebhookEventType[] };
  });
}

function entries(env: Readonly<Record<string, string | undefined>>, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function optional(env: Readonly<Record<string, string | undefined>>, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

/** Development keys when none are configured: test mode, so nothing made with them lasts. */
export const DEV_KEYS = ['pk_test_local', 'sk_test_local_development'] as const;

/**
 * Reads the retailer settings. `legacy` is `FR_PUBLISHABLE_KEYS` as already checked by
 * config.ts; `integer` is its number reader. With no key at all configured, development gets
 * {@link DEV_KEYS} and production an error (reported on `FR_PUBLISHABLE_KEYS`, as before modes).
 */
export function loadRetailerConfig(
  env: Readonly<Record<string, string | undefined>>,
  options: {
    readonly production: boolean;
    readonly legacy: readonly string[];
    readonly integer: (name: string, fallback: number, min: number, max: number) => number;
  },
): { config: RetailerConfig; warning: string | null } {
  let keys = [
    ...legacyKeys(options.legacy),
    ...parseModeKeys('FR_LIVE_KEYS', entries(env, 'FR_LIVE_KEYS'), 'live'),
    ...parseModeKeys('FR_TEST_KEYS', entries(env, 'FR_TEST_KEYS'), 'test'),
  ];
  let warning: string | null = null;
  if (keys.length === 0) {
    if (options.production) {
      throw new RetailerConfigError('FR_PUBLISHABLE_KEYS', 'required when NODE_ENV=production');
    }
    keys = parseModeKeys('FR_TEST_KEYS', DEV_KEYS, 'test');
    warning = `FR_PUBLISHABLE_KEYS not set: accepting the development key "pk_test_local" (and the secret key "${DEV_KEYS[1]}"), test mode`;
  }
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key.key)) {
      throw new RetailerConfigError('FR_LIVE_KEYS', `the key "${key.id}" is configured twice`);
    }
    seen.add(key.key);
  }
  const secret = optional(env, 'FR_WEBHOOK_SECRET');
  const endpoints = parseEndpoints(entries(env, 'FR_WEBHOOK_URLS'));
  if (endpoints.length > 0 && (secret === null || secret.length < 24)) {
    throw new RetailerConfigError(
      'FR_WEBHOOK_SECRET',
      'required with FR_WEBHOOK_URLS: 24 characters or more',
    );
  }
  const password = optional(env, 'FR_CONSOLE_PASSWORD');
  if (password !== null && password.length < 12) {
    throw new RetailerConfigError('FR_CONSOLE_PASSWORD', 'must be 12 characters or more');
  }
  return {
    warning,
    config: {
      keys,
      webhooks: {
        endpoints,
        secret,
        intervalMs: options.integer('FR_WEBHOOK_INTERVAL_SECONDS', 5, 1, 3600) * 1000,
      },
      consolePassword: password,
      perSecretKey: options.integer('FR_RATE_LIMIT_PER_SECRET_KEY', 120, 1, 1_000_000),
      policy: {
        controller: optional(env, 'FR_CONTROLLER_NAME') ?? 'The retailer operating this store',
        contact: optional(env, 'FR_CONTROLLER_CONTACT') ?? 'the contact address on the store',
        storageLocation: optional(env, 'FR_STORAGE_LOCATION') ?? 'the retailer’s own servers',
      },
    },
  };
}
