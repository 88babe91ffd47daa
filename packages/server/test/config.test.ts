import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const KEY = Buffer.alloc(32, 3).toString('base64');

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has documented defaults and warns about each development fallback', () => {
    const { config, warnings } = loadConfig({}, () => new Uint8Array(32));
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      storage: { kind: 'fs' },
      publishableKeys: ['pk_test_local'],
      allowedOrigins: ['http://localhost:8787', 'http://127.0.0.1:8787'],
      retentionDays: 30,
      maxUploadBytes: 10 * 1024 * 1024,
      maxImageDimension: 4096,
      rateLimit: { perIp: 60, perKey: 600, windowMs: 60_000 },
      timeouts: {
        headersMs: 10_000,
        requestMs: 120_000,
        bodyIdleMs: 10_000,
        minBodyBytesPerSecond: 1024,
      },
      maxUploadsInFlight: 64,
      receipts: { maxLifetimeMs: 395 * 86_400_000, clockSkewMs: 300_000 },
      trustProxy: false,
      staticDir: null,
    });
    expect(warnings).toHaveLength(3);
  });

  it('reads every setting', () => {
    const { config, warnings } = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/fr',
      FR_PUBLISHABLE_KEYS: 'pk_live_aaaaaaaa, pk_live_bbbbbbbb',
      FR_ALLOWED_ORIGINS: 'https://shop.example,https://www.shop.example/',
      FR_ENCRYPTION_KEY: KEY,
      FR_RETENTION_DAYS: '7',
      FR_SWEEP_INTERVAL_SECONDS: '60',
      FR_MAX_UPLOAD_BYTES: '2000000',
      FR_MAX_IMAGE_DIMENSION: '2048',
      FR_RATE_LIMIT_PER_IP: '10',
      FR_RATE_LIMIT_PER_KEY: '100',
      FR_RATE_LIMIT_WINDOW_SECONDS: '30',
      FR_TRUST_PROXY: '10.0.0.0/8,192.168.1.1',
      FR_STATIC_DIR: '/srv/demo',
      FR_STORAGE: 's3',
      FR_S3_BUCKET: 'fr-images',
      FR_S3_ENDPOINT: 'http://127.0.0.1:9000',
      FR_REDIS_URL: 'redis://10.0.0.5:6379',
    });
    expect(warnings).toEqual([]);
    expect(config.redisUrl).toBe('redis://10.0.0.5:6379');
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/fr',
      publishableKeys: ['pk_live_aaaaaaaa', 'pk_live_bbbbbbbb'],
      allowedOrigins: ['https://shop.example', 'https://www.shop.example'],
      retentionDays: 7,
      sweepIntervalMs: 60_000,
      maxUploadBytes: 2_000_000,
      maxImageDimension: 2048,
      rateLimit: { perIp: 10, perKey: 100, windowMs: 30_000 },
      trustProxy: ['10.0.0.0/8', '192.168.1.1'],
      staticDir: '/srv/demo',
      storage: {
        kind: 's3',
        bucket: 'fr-images',
        endpoint: 'http://127.0.0.1:9000',
        forcePathStyle: true,
      },
    });
    expect(Buffer.from(config.encryptionKey).toString('base64')).toBe(KEY);
  });

  it.each([
    ['FR_PUBLISHABLE_KEYS', { NODE_ENV: 'production' }],
    ['FR_ALLOWED_ORIGINS', { NODE_ENV: 'production', FR_PUBLISHABLE_KEYS: 'pk_live_aaaaaaaa' }],
    [
      'FR_ENCRYPTION_KEY',
      {
        NODE_ENV: 'production',
        FR_PUBLISHABLE_KEYS: 'pk_live_aaaaaaaa',
        FR_ALLOWED_ORIGINS: 'https://a.example',
      },
    ],
  ])('requires %s in production', (variable, env) => {
    expect(configError(env).variable).toBe(variable);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['FR_RETENTION_DAYS', { FR_RETENTION_DAYS: '0' }],
    ['FR_MAX_UPLOAD_BYTES', { FR_MAX_UPLOAD_BYTES: '10MB' }],
    ['FR_ENCRYPTION_KEY', { FR_ENCRYPTION_KEY: 'c2hvcnQ=' }],
    ['FR_ALLOWED_ORIGINS', { FR_ALLOWED_ORIGINS: 'shop.example' }],
    ['FR_ALLOWED_ORIGINS', { FR_ALLOWED_ORIGINS: 'https://shop.example/path' }],
    ['FR_PUBLISHABLE_KEYS', { FR_PUBLISHABLE_KEYS: 'short' }],
    ['FR_STORAGE', { FR_STORAGE: 'ftp' }],
    ['FR_S3_BUCKET', { FR_STORAGE: 's3' }],
    ['FR_S3_ENDPOINT', { FR_STORAGE: 's3', FR_S3_BUCKET: 'b', FR_S3_ENDPOINT: 'not a url' }],
    [
      'FR_S3_FORCE_PATH_STYLE',
      { FR_STORAGE: 's3', FR_S3_BUCKET: 'b', FR_S3_FORCE_PATH_STYLE: 'maybe' },
    ],
    ['FR_LOG_LEVEL', { FR_LOG_LEVEL: 'loud' }],
    ['FR_REDIS_URL', { FR_REDIS_URL: 'http://10.0.0.5:6379' }],
    ['FR_REDIS_URL', { FR_REDIS_URL: 'not a url' }],
    ['FR_BODY_TIMEOUT_SECONDS', { FR_BODY_TIMEOUT_SECONDS: '0' }],
    ['FR_MIN_BODY_BYTES_PER_SECOND', { FR_MIN_BODY_BYTES_PER_SECOND: 'fast' }],
    ['FR_MAX_UPLOADS_IN_FLIGHT', { FR_MAX_UPLOADS_IN_FLIGHT: '0' }],
    ['FR_CONSENT_MAX_DAYS', { FR_CONSENT_MAX_DAYS: '0' }],
    ['FR_CLOCK_SKEW_SECONDS', { FR_CLOCK_SKEW_SECONDS: 'soon' }],
    [
      'FR_HEADERS_TIMEOUT_SECONDS',
      { FR_HEADERS_TIMEOUT_SECONDS: '60', FR_REQUEST_TIMEOUT_SECONDS: '30' },
    ],
  ])('names %s when its value is wrong', (variable, env) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });
});
