// Issue 11 item 7: a percent-encoded prefix (`/%761/subjects/me/export`) used to reach every API
// route without the origin check, rate limits or privacy headers. Every spelling of every route
// must now get exactly the answers of the plain path, on a real socket (where nothing normalises
// the target before the server does).
import { API } from '@fittingroom/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN } from './support/harness.js';
import { codeOf, type Loopback, type RawAnswer, send, startLoopback } from './support/loopback.js';

/** Spellings of `path` that name the same resource once decoded and normalised. */
function variants(path: string): string[] {
  const segments = path.split('/').slice(1);
  const encodeAll = (s: string) =>
    [...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
  const [first = '', ...rest] = segments;
  return [
    `/%76${first.slice(1)}/${rest.join('/')}`, // the reported bypass: /%761/…
    `/${segments.map(encodeAll).join('/')}`, // every character escaped, lower-case hex
    `/${segments.map((s) => encodeAll(s).toUpperCase()).join('/')}`, // upper-case hex
    `/${first}/./${rest.join('/')}`,
    `/${first}/%2e/${rest.join('/')}`,
    `/${first}/x/../${rest.join('/')}`,
    `/${first}/x/%2E%2e/${rest.join('/')}`,
    `/${first}/%2e%2e/${first}/${rest.join('/')}`,
    `/../${first}/${rest.join('/')}`,
    `//${first}//${rest.join('//')}`,
    `/${first}/.%2e/${first}/./${rest.join('/./')}`,
    `${path}?variant=1`,
  ];
}

/** The parts of an answer that must not differ between spellings. */
function shape(answer: RawAnswer) {
  return {
    status: answer.status,
    code: codeOf(answer),
    challenge: answer.headers['www-authenticate'],
    cacheControl: answer.headers['cache-control'],
    nosniff: answer.headers['x-content-type-options'],
    allowOrigin: answer.headers['access-control-allow-origin'],
    rateLimited: answer.headers['retry-after'] !== undefined,
  };
}

describe('every spelling of every API route gets the plain path’s answer (real socket)', () => {
  let loop: Loopback;
  let token: string;
  let uploadId: string;
  let routes: { method: string; path: string; body?: string }[];

  beforeAll(async () => {
    loop = await startLoopback({ FR_RATE_LIMIT_PER_IP: '100000' });
    const subject = await loop.grant();
    token = subject.token;
    const stored = await loop.upload(subject);
    expect(stored.status, stored.body).toBe(201);
    uploadId = (JSON.parse(stored.body) as { uploadId: string }).uploadId;
    routes = [
      { method: 'GET', path: API.subjectExport },
      { method: 'GET', path: API.uploadImage(uploadId) },
      { method: 'DELETE', path: API.upload(uploadId) },
      { method: 'DELETE', path: API.subject },
      { method: 'POST', path: API.uploads, body: '' },
      { method: 'POST', path: API.consents, body: '{}' },
    ];
  });
  afterAll(async () => {
    await loop.close();
  });

  const call = (
    route: { method: string; body?: string },
    path: string,
    headers: Record<string, string>,
  ) =>
    send(loop.port, {
      method: route.method,
      path,
      headers:
        route.body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(route.body === undefined ? {} : { body: Buffer.from(route.body) }),
    });

  it('refuses a disallowed Origin on every spelling, even with a valid token', async () => {
    const headers = { origin: 'https://evil.example', authorization: `Bearer ${token}` };
    for (const route of routes) {
      const plain = await call(route, route.path, headers);
      expect(plain.status).toBe(403);
      expect(codeOf(plain)).toBe('origin_not_allowed');
      for (const path of variants(route.path)) {
        const answer = await call(route, path, headers);
        expect(shape(answer), `${route.method} ${path}`).toEqual(shape(plain));
        expect(answer.body).not.toContain(uploadId); // no export, no image, ever
      }
    }
  });

  it('answers a missing token the same way on every spelling, challenge included', async () => {
    const headers = { origin: ORIGIN };
    for (const route of routes) {
      const plain = await call(route, route.path, headers);
      expect(plain.status).toBeGreaterThanOrEqual(400);
      for (const path of variants(route.path)) {
        expect(shape(await call(route, path, headers)), `${route.method} ${path}`).toEqual(
          shape(plain),
        );
      }
    }
    const missing = await call(routes[0] ?? { method: 'GET' }, API.subjectExport, headers);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses a preflight from a disallowed Origin on every spelling', async () => {
    for (const path of [API.uploads, ...variants(API.uploads)]) {
      const answer = await send(loop.port, {
        method: 'OPTIONS',
        path,
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(answer.status, path).toBe(403);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('serves the allowed Origin the same on every spelling, with the privacy headers', async () => {
    const headers = { origin: ORIGIN, authorization: `Bearer ${token}` };
    const route = { method: 'GET' };
    for (const plainPath of [API.subjectExport, API.uploadImage(uploadId)]) {
      const plain = await call(route, plainPath, headers);
      expect(plain.status).toBe(200);
      expect(plain.headers['cache-control']).toBe('no-store');
      for (const path of variants(plainPath)) {
        expect(shape(await call(route, path, headers)), path).toEqual(shape(plain));
      }
    }
  });

  it('never routes an encoded slash: 404 with the API’s headers', async () => {
    const headers = { origin: ORIGIN, authorization: `Bearer ${token}` };
    for (const path of ['/v1%2Fsubjects%2Fme%2Fexport', '/v1/subjects%2fme/export']) {
      const answer = await send(loop.port, { method: 'GET', path, headers });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain(uploadId);
    }
  });
});

describe('rate limits count every spelling of a route (real socket)', () => {
  it('limits per IP across spellings', async () => {
    const loop = await startLoopback({ FR_RATE_LIMIT_PER_IP: '5' });
    try {
      const spellings = variants(API.subjectExport);
      const answers: RawAnswer[] = [];
      for (const path of [API.subjectExport, ...spellings.slice(0, 5)]) {
        answers.push(await send(loop.port, { method: 'GET', path, headers: { origin: ORIGIN } }));
      }
      expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
      expect(answers[5]?.status).toBe(429);
      expect(codeOf(answers[5] as RawAnswer)).toBe('rate_limited');
    } finally {
      await loop.close();
    }
  });
});
