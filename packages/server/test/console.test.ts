// Issue 18 item 4: the privacy console's routes. The page is strict (no inline script, no
// cookie); its API calls are the retailer API's, signed in with FR_CONSOLE_PASSWORD or a secret
// key from this server's own origin only, with failed sign-ins rate limited per IP.
import { API, CONSOLE_HEADER, CONSOLE_MODE_HEADER } from '@fittingroom/protocol';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { CONSOLE_ATTEMPTS } from '../src/console/attempts.js';
import { createHarness, type Harness, KEY } from './support/harness.js';
import { LIVE_SK, RETAILER_ENV, sharedPhoto, TEST_PK, TEST_SK } from './support/retailer.js';

const PASSWORD = 'correct horse battery staple';
const ENV = { ...RETAILER_ENV, FR_CONSOLE_PASSWORD: PASSWORD };
const SELF = 'http://localhost:80'; // what inject's requests are: http, Host localhost:80

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function consoleCall(
  credential: string | null,
  url: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'DELETE' = 'GET',
): Promise<LightMyRequestResponse> {
  return h!.app.inject({
    method,
    url,
    headers: {
      [CONSOLE_HEADER]: '1',
      ...(credential === null ? {} : { authorization: `Bearer ${encodeURIComponent(credential)}` }),
      ...headers,
    },
  });
}

describe('the privacy console', () => {
  it('serves a strict page: its own script and style only, no inline code, no cookie', async () => {
    h = await createHarness({ env: ENV });
    const page = await h.app.inject({ method: 'GET', url: '/console' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body).not.toMatch(/<script>|<script(?![^>]*\ssrc=)|\sstyle=|\son[a-z]+=/i);
    expect(page.headers['set-cookie']).toBeUndefined();
    const style = await h.app.inject({ method: 'GET', url: '/console/console.css' });
    expect(style.statusCode).toBe(200);
    expect(style.headers['content-type']).toContain('text/css');
  });

  it('refuses without credentials, with a wrong password, and from another origin', async () => {
    h = await createHarness({ env: ENV });
    const none = await consoleCall(null, API.retailerSession);
    expect(none.statusCode).toBe(401);
    const wrong = await consoleCall('not the password at all', API.retailerSession);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_key');
    expect((await consoleCall(KEY, API.retailerUploads)).statusCode).toBe(401); // publishable
    for (const headers of [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: SELF, 'sec-fetch-site': 'same-site' },
    ]) {
      const res = await consoleCall(PASSWORD, API.retailerSession, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
    }
    for (const res of [none, wrong]) expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('signs in with the password (both modes) or a secret key (its own mode)', async () => {
    h = await createHarness({ env: ENV });
    const live = await sharedPhoto(h, KEY);
    const test = await sharedPhoto(h, TEST_PK);
    const session = await consoleCall(PASSWORD, API.retailerSession, { origin: SELF });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toEqual({ keyId: 'console', mode: 'live', modes: ['live', 'test'] });
    expect(session.headers['set-cookie']).toBeUndefined();
    const ids = async (credential: string, headers: Record<string, string> = {}) =>
      (await consoleCall(credential, API.retailerUploads, headers))
        .json()
        .uploads.map((u: { uploadId: string }) => u.uploadId);
    expect(await ids(PASSWORD)).toEqual([live.uploadId]);
    expect(await ids(PASSWORD, { [CONSOLE_MODE_HEADER]: 'test' })).toEqual([test.uploadId]);
    // A secret key sees its own mode only, whatever the switch says.
    expect(await ids(TEST_SK, { [CONSOLE_MODE_HEADER]: 'live' })).toEqual([test.uploadId]);
    expect((await consoleCall(LIVE_SK, API.retailerSession)).json().modes).toEqual(['live']);
    // The console erases like the retailer API does (a same-origin DELETE carries Origin).
    const erased = await consoleCall(
      PASSWORD,
      API.retailerSubject(live.receiptId),
      { origin: SELF },
      'DELETE',
    );
    expect(erased.statusCode).toBe(200);
    expect(erased.json().uploadIds).toEqual([live.uploadId]);
    const lines = (await h.storage.readAudit()).map((l) => JSON.parse(l));
    expect(lines.some((e) => e.type === 'console_signed_in' && e.keyId === 'console')).toBe(true);
    expect(lines.find((e) => e.type === 'retailer_subject_erased')?.keyId).toBe('console');
    expect((await h.storage.readAudit()).join('\n')).not.toContain(PASSWORD);
  });

  it('rate limits failed sign-ins per IP: then even the right password waits', async () => {
    h = await createHarness({ env: ENV });
    for (let i = 0; i < CONSOLE_ATTEMPTS.max; i++) {
      expect((await consoleCall(`guess number ${i}`, API.retailerSession)).statusCode).toBe(401);
    }
    const blocked = await consoleCall(PASSWORD, API.retailerSession);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    h.clock.advance(CONSOLE_ATTEMPTS.windowMs);
    expect((await consoleCall(PASSWORD, API.retailerSession)).statusCode).toBe(200);
  });

  it('shows the audit log with its chain verified, and a tampered line breaks it', async () => {
    h = await createHarness({ env: ENV });
    await sharedPhoto(h, KEY);
    const audit = await consoleCall(PASSWORD, API.retailerAudit);
    expect(audit.statusCode).toBe(200);
    const page = audit.json();
    expect(page.verdict.ok).toBe(true);
    expect(page.events.map((e: { type: string }) => e.type)).toContain('upload_stored');
    expect(JSON.stringify(page)).not.toMatch(/"mac"|ipHash/);
    const [first] = await h.storage.readAudit();
    await h.storage.appendAudit(first!.replace('"consent_granted"', '"upload_deleted"'));
    const after = (await consoleCall(PASSWORD, API.retailerAudit)).json();
    expect(after.verdict.ok).toBe(false);
  });
});
