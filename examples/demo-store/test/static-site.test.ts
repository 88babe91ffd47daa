import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  htmlFileFor,
  IMMUTABLE,
  isImmutable,
  pickMount,
  type StaticSite,
  startStaticSite,
} from '../src/static-site.js';

describe('pickMount', () => {
  const mounts = { '/': '/site', '/fr/': '/embed' };

  it('picks the longest matching prefix and keeps the rest of the path', () => {
    expect(pickMount(mounts, '/fr/fittingroom/index.js')).toEqual({
      prefix: '/fr/',
      rest: '/fittingroom/index.js',
    });
    expect(pickMount(mounts, '/ring.html')).toEqual({ prefix: '/', rest: '/ring.html' });
    expect(pickMount(mounts, '/fr')).toEqual({ prefix: '/fr/', rest: '/' });
    expect(pickMount({ '/fr/': '/embed' }, '/other')).toBeNull();
  });
});

describe('htmlFileFor', () => {
  it('maps pages and folders to files inside the root only', () => {
    expect(htmlFileFor('/site', '/ring.html')).toBe('/site/ring.html');
    expect(htmlFileFor('/site', '/')).toBe('/site/index.html');
    expect(htmlFileFor('/site', '/app.js')).toBeNull();
    expect(htmlFileFor('/site', '/../etc/x.html')).toBeNull();
  });
});

describe('isImmutable', () => {
  it('holds for hashed names and versioned folders only', () => {
    expect(isImmutable('/fr/fittingroom/session-u3tmw2T1.js')).toBe(true);
    expect(
      isImmutable('/fr/assets/0a1b2c3d4e5f/hand_landmarker.task', ['/fr/assets/0a1b2c3d4e5f/']),
    ).toBe(true);
    expect(isImmutable('/fr/fittingroom-loader.js')).toBe(false);
    expect(isImmutable('/fr/fittingroom/tryon.js')).toBe(false);
    expect(isImmutable('/fr/fittingroom/assets/hand_landmarker.task')).toBe(false);
  });
});

describe('startStaticSite', () => {
  let dir: string;
  let site: StaticSite;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fr-site-'));
    mkdirSync(join(dir, 'public'));
    writeFileSync(join(dir, 'public', 'index.html'), '<p>%FR_INGEST%</p>');
    writeFileSync(join(dir, 'public', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'public', 'chunk-AbCd1234.js'), 'export {};');
    mkdirSync(join(dir, 'v1'));
    writeFileSync(join(dir, 'v1', 'model.task'), 'bytes');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    site = await startStaticSite({
      host: '127.0.0.1',
      port: 0,
      mounts: { '/': join(dir, 'public'), '/v1/': join(dir, 'v1') },
      immutable: ['/v1/'],
      headers: () => ({ 'content-security-policy': "default-src 'self'" }),
      pages: new Map([['/shop.html', '<p>rendered %FR_INGEST%</p>']]),
      html: (text) => text.replace('%FR_INGEST%', 'http://ingest.test'),
    });
  });

  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves pages through the transform, with the headers, uncached', async () => {
    const response = await fetch(`${site.url}/`);
    expect(await response.text()).toBe('<p>http://ingest.test</p>');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves rendered pages before files, through the same transform', async () => {
    const response = await fetch(`${site.url}/shop.html`);
    expect(await response.text()).toBe('<p>rendered http://ingest.test</p>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves other files as they are, with their type and the headers', async () => {
    const response = await fetch(`${site.url}/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
  });

  it('caches hashed names and versioned folders for a year, revalidates the rest', async () => {
    expect((await fetch(`${site.url}/chunk-AbCd1234.js`)).headers.get('cache-control')).toBe(
      IMMUTABLE,
    );
    expect((await fetch(`${site.url}/v1/model.task`)).headers.get('cache-control')).toBe(IMMUTABLE);
    expect((await fetch(`${site.url}/app.js`)).headers.get('cache-control')).toBe('no-store');
  });

  it('never serves outside the mounted folder, and only reads', async () => {
    expect((await fetch(`${site.url}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${site.url}/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${site.url}/missing.html`)).status).toBe(404);
    expect((await fetch(`${site.url}/`, { method: 'POST' })).status).toBe(405);
  });
});
