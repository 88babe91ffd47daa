import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { ConfigError, type Env, flag, integer, list, text } from './config-env.js';
import { type EncryptionKeys, KeyConfigError, parseEncryptionKeys } from './config-keys.js';
import { loadRetailerConfig, type RetailerConfig, RetailerConfigError } from './config-retailer.js';

export { ConfigError, type Env } from './config-env.js';

/** Where objects are kept: the embedded filesystem store or S3-compatible object storage. */
export type StorageConfig =
  | { readonly kind: 'fs' }
  | {
      readonly kind: 's3';
      readonly bucket: string;
      readonly endpoint: string | undefined;
      readonly region: string;
      readonly forcePathStyle: boolean;
    };

/** Every setting of the server, parsed and checked (see README for the environment names). */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly storage: StorageConfig;
  /** Every publishable key, of both modes (see `retailer.keys` for each key's mode). */
  readonly publishableKeys: readonly string[];
  /** Keys with their mode, webhooks, console and policy facts (config-retailer.ts). */
  readonly retailer: RetailerConfig;
  readonly allowedOrigins: readonly string[];
  /** The current 32-byte master key; images are AES-256-GCM encrypted with a key derived from it. */
  readonly encryptionKey: Uint8Array;
  /** Every master key, current (`encryptionKey`) first; older ones only open what they sealed. */
  readonly encryptionKeys: readonly Uint8Array[];
  /** Development only: the file in `DATA_DIR` that keeps the random key (see server.ts). */
  readonly devKeyFile: string | null;
  readonly retentionDays: number;
  readonly sweepIntervalMs: number;
  readonly maxUploadBytes: number;
  readonly maxImageDimension: number;
  readonly rateLimit: {
    readonly perIp: number;
    readonly perKey: number;
    readonly windowMs: number;
  };
  /** How long a client may take to send a request (see README, "Bounded requests"). */
  readonly timeouts: RequestTimeouts;
  /** What a consent receipt's times may be (see receipt-rules.ts). */
  readonly receipts: { readonly maxLifetimeMs: number; readonly clockSkewMs: number };
  /** Upload bodies held in memory at once; past it `503 server_busy` with `Retry-After`. */
  readonly maxUploadsInFlight: number;
  /**
   * Redis shared by every instance (rate limits, idempotency locks, uploads in flight); null:
   * one instance, all of it in this process.
   */
  readonly redisUrl: string | null;
  /** Trust `X-Forwarded-For` from any proxy (true) or from these addresses/CIDRs. */
  readonly trustProxy: boolean | readonly string[];
  readonly staticDir: string | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Time limits on receiving a request, in milliseconds (and bytes per second). */
export interface RequestTimeouts {
  /** Request line and headers. */
  readonly headersMs: number;
  /** The whole request, headers and body. */
  readonly requestMs: number;
  /** Longest gap in a body, and the head start before {@link minBodyBytesPerSecond} counts. */
  readonly bodyIdleMs: number;
  /** Slowest average body rate accepted once `bodyIdleMs` have passed. */
  readonly minBodyBytesPerSecond: number;
}

/** Result of {@link loadConfig}: the config and warnings to print (dev fallbacks in use). */
export interface LoadedConfig {
  readonly config: ServerConfig;
  readonly warnings: readonly string[];
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function isLogLevel(value: string): value is ServerConfig['logLevel'] {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

function parseOrigins(items: readonly string[]): string[] {
  return items.map((item) => {
    let origin: string;
    try {
      origin = new URL(item).origin;
    } catch {
      throw new ConfigError('FR_ALLOWED_ORIGINS', `"${item}" is not a URL origin`);
    }
    if (origin !== item.replace(/\/$/, '') || origin === 'null') {
      throw new ConfigError(
        'FR_ALLOWED_ORIGINS',
        `"${item}" must be a bare origin like https://shop.example`,
      );
    }
    return origin;
  });
}

function parseTrustProxy(env: Env): boolean | readonly string[] {
  const raw = text(env, 'FR_TRUST_PROXY');
  if (raw === undefined) return false;
  if (['true', 'false'].includes(raw.toLowerCase())) return raw.toLowerCase() === 'true';
  // Otherwise the addresses or CIDR ranges of the proxies to trust, comma-separated.
  return list(env, 'FR_TRUST_PROXY') ?? false;
}

function parseStorage(env: Env): StorageConfig {
  const kind = text(env, 'FR_STORAGE') ?? 'fs';
  if (kind === 'fs') return { kind };
  if (kind !== 's3') throw new ConfigError('FR_STORAGE', `expected "fs" or "s3", got "${kind}"`);
  const bucket = text(env, 'FR_S3_BUCKET');
  if (!bucket) throw new ConfigError('FR_S3_BUCKET', 'required when FR_STORAGE=s3');
  const endpoint = text(env, 'FR_S3_ENDPOINT');
  if (endpoint !== undefined && !URL.canParse(endpoint)) {
    throw new ConfigError('FR_S3_ENDPOINT', `"${endpoint}" is not a URL`);
  }
  return {
    kind,
    bucket,
    endpoint,
    region: text(env, 'FR_S3_REGION') ?? 'us-east-1',
    forcePathStyle: flag(env, 'FR_S3_FORCE_PATH_STYLE', endpoint !== undefined),
  };
}

function parseRedisUrl(env: Env): string | null {
  const raw = text(env, 'FR_REDIS_URL');
  if (raw === undefined) return null;
  if (!URL.canParse(raw) || !['redis:', 'rediss:'].includes(new URL(raw).protocol)) {
    throw new ConfigError('FR_REDIS_URL', 'expected a redis:// or rediss:// URL');
  }
  return raw;
}

function parseTimeouts(env: Env): RequestTimeouts {
  const headersMs = integer(env, 'FR_HEADERS_TIMEOUT_SECONDS', 10, 1, 3600) * 1000;
  const requestMs = integer(env, 'FR_REQUEST_TIMEOUT_SECONDS', 120, 1, 3600) * 1000;
  if (headersMs > requestMs) {
    throw new ConfigError(
      'FR_HEADERS_TIMEOUT_SECONDS',
      'must not be longer than FR_REQUEST_TIMEOUT_SECONDS',
    );
  }
  return {
    headersMs,
    requestMs,
    bodyIdleMs: integer(env, 'FR_BODY_TIMEOUT_SECONDS', 10, 1, 3600) * 1000,
    minBodyBytesPerSecond: integer(env, 'FR_MIN_BODY_BYTES_PER_SECOND', 1024, 1, 1_000_000_000),
  };
}

/**
 * Parses the environment into a checked config. In production (`NODE_ENV=production`) the keys,
 * origins and encryption key are required; in development each falls back to a local default and
 * a warning says so. Throws {@link ConfigError} naming the variable at fault.
 */
export function loadConfig(
  env: Env,
  random: (size: number) => Uint8Array = randomBytes,
): LoadedConfig {
  const warnings: string[] = [];
  const production = env.NODE_ENV === 'production';
  const port = integer(env, 'PORT', 8787, 0, 65535);
  const host = text(env, 'HOST') ?? '127.0.0.1';

  const required = (name: string): never => {
    throw new ConfigError(name, 'required when NODE_ENV=production');
  };

  const legacy = list(env, 'FR_PUBLISHABLE_KEYS') ?? [];
  for (const key of legacy) {
    if (!/^[A-Za-z0-9_-]{8,128}$/.test(key)) {
      throw new ConfigError(
        'FR_PUBLISHABLE_KEYS',
        `"${key}" must be 8–128 characters of A-Z a-z 0-9 _ -`,
      );
    }
  }
  let retailer: RetailerConfig;
  try {
    const loaded = loadRetailerConfig(env, {
      production,
      legacy,
      integer: (name, fallback, min, max) => integer(env, name, fallback, min, max),
    });
    retailer = loaded.config;
    if (loaded.warning) warnings.push(loaded.warning);
  } catch (error) {
    if (error instanceof RetailerConfigError) throw new ConfigError(error.variable, error.message);
    throw error;
  }

  let originItems = list(env, 'FR_ALLOWED_ORIGINS');
  if (!originItems) {
    if (production) required('FR_ALLOWED_ORIGINS');
    originItems = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
    warnings.push(`FR_ALLOWED_ORIGINS not set: allowing only ${originItems.join(', ')}`);
  }

  const dataDir = path.resolve(text(env, 'DATA_DIR') ?? '.fr-data');
  let sealing: EncryptionKeys;
  try {
    sealing = parseEncryptionKeys(
      text(env, 'FR_ENCRYPTION_KEYS'),
      text(env, 'FR_ENCRYPTION_KEY'),
      dataDir,
      random,
    );
  } catch (error) {
    if (error instanceof KeyConfigError) throw new ConfigError(error.variable, error.message);
    throw error;
  }
  if (sealing.devKeyFile !== null && production) required('FR_ENCRYPTION_KEY');
  if (sealing.warning) warnings.push(sealing.warning);

  const logLevel = text(env, 'FR_LOG_LEVEL') ?? 'info';
  if (!isLogLevel(logLevel)) {
    throw new ConfigError('FR_LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}`);
  }
  const staticDir = text(env, 'FR_STATIC_DIR');

  return {
    warnings,
    config: {
      host,
      port,
      dataDir,
      storage: parseStorage(env),
      publishableKeys: retailer.keys.filter((k) => k.kind === 'publishable').map((k) => k.key),
      retailer,
      allowedOrigins: parseOrigins(originItems),
      encryptionKey: sealing.current,
      encryptionKeys: sealing.keys,
      devKeyFile: sealing.devKeyFile,
      retentionDays: integer(env, 'FR_RETENTION_DAYS', 30, 1, 3650),
      sweepIntervalMs: integer(env, 'FR_SWEEP_INTERVAL_SECONDS', 3600, 1, 86_400) * 1000,
      maxUploadBytes: integer(
        env,
        'FR_MAX_UPLOAD_BYTES',
        10 * 1024 * 1024,
        1024,
        100 * 1024 * 1024,
      ),
      maxImageDimension: integer(env, 'FR_MAX_IMAGE_DIMENSION', 4096, 16, 16_384),
      rateLimit: {
        perIp: integer(env, 'FR_RATE_LIMIT_PER_IP', 60, 1, 1_000_000),
        perKey: integer(env, 'FR_RATE_LIMIT_PER_KEY', 600, 1, 10_000_000),
        windowMs: integer(env, 'FR_RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400) * 1000,
      },
      timeouts: parseTimeouts(env),
      maxUploadsInFlight: integer(env, 'FR_MAX_UPLOADS_IN_FLIGHT', 64, 1, 100_000),
      receipts: {
        // 395 days: the longest `consentDays` the SDK's policy schema allows.
        maxLifetimeMs: integer(env, 'FR_CONSENT_MAX_DAYS', 395, 1, 3650) * 86_400_000,
        clockSkewMs: integer(env, 'FR_CLOCK_SKEW_SECONDS', 300, 0, 86_400) * 1000,
      },
      redisUrl: parseRedisUrl(env),
      trustProxy: parseTrustProxy(env),
      staticDir: staticDir ? path.resolve(staticDir) : null,
      logLevel,
    },
  };
}
