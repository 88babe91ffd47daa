// Issue 16 item 3: a body trickled at 1 byte/s was never cut, 58 such uploads pinned 564 MB, and
// an unauthenticated body kept its socket after the 401. Real server on loopback, raw sockets.
// The timeouts are set to a second or two here (defaults: 10 s body, 120 s request) so each case
// ends quickly; the rules are the ones that ship.
import { API, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, ORIGIN } from './support/harness.js';
import { fixture, IMAGES } from './support/images.js';
import { type Loopback, send, startLoopback, uploadRequest } from './support/loopback.js';
import { head, type RawClient, rawClient, statusOf } from './support/raw-socket.js';

const FAST = {
  FR_BODY_TIMEOUT_SECONDS: '1',
  FR_HEADERS_TIMEOUT_SECONDS: '1',
  FR_REQUEST_TIMEOUT_SECONDS: '30',
};

/** Starts an upload: its head and the first `sent` bytes of its body; the rest never comes. */
async function partialUpload(
  loop: Loopback,
  subject: { token: string; receiptId: string },
  sent: number,
  image?: Uint8Array,
): Promise<RawClient> {
  const { headers, body } = uploadRequest(subject, image);
  const client = await rawClient(loop.port);
  client.write(head('POST', API.uploads, { ...headers, 'content-length': String(body.length) }));
  client.write(body.subarray(0, sent));
  return client;
}

function trickle(client: RawClient, everyMs: number): NodeJS.Timeout {
  return setInterval(() => client.write('x'), everyMs);
}

describe('bounded requests (real socket)', { timeout: 20_000 }, () => {
  let loop: Loopback;
  afterEach(async () => {
    await loop.close();
  });

  it('cuts an upload body trickled at 1 byte/s: 408, socket closed, nothing kept', async () => {
    loop = await startLoopback(FAST);
    const subject = await loop.grant();
    const before = await loop.storage.list('');
    const client = await partialUpload(loop, subject, 100);
    const timer = trickle(client, 1000);
    const started = Date.now();
    const answer = await client.closed(8000);
    clearInterval(timer);
    expect(statusOf(answer), String(answer)).toBe(408);
    expect(answer).toContain('"request_timeout"');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await loop.storage.list('')).toEqual(before);
  });

  it('cuts a JSON body trickled at 1 byte/s, before any credential is checked', async () => {
    loop = await startLoopback(FAST);
    const client = await rawClient(loop.port);
    client.write(
      head('POST', API.consents, { 'content-type': 'application/json', 'content-length': '60000' }),
    );
    const timer = trickle(client, 1000);
    const answer = await client.closed(8000);
    clearInterval(timer);
    expect(statusOf(answer), String(answer)).toBe(408);
  });

  it('cuts headers that never end, and a request slower than the whole-request limit', async () => {
    loop = await startLoopback({
      ...FAST,
      FR_BODY_TIMEOUT_SECONDS: '10',
      FR_REQUEST_TIMEOUT_SECONDS: '2',
    });
    const slowHead = await rawClient(loop.port);
    slowHead.write(`GET ${API.health} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `);
    const headTimer = trickle(slowHead, 300); // a header value that keeps growing, never ends
    // A body fast enough for the pace rule (4 KB/s) but not done within 2 s.
    const subject = await loop.grant();
    const large = fixture(IMAGES.jpeg.file);
    expect(large.byteLength).toBeGreaterThan(20_000);
    const slowBody = await partialUpload(loop, subject, 10, large);
    const bodyTimer = setInterval(() => slowBody.write('x'.repeat(1024)), 250);
    const [headAnswer, bodyAnswer] = await Promise.all([
      slowHead.closed(6000),
      slowBody.closed(8000),
    ]);
    clearInterval(headTimer);
    clearInterval(bodyTimer);
    expect(statusOf(headAnswer), String(headAnswer)).toBe(408);
    expect(statusOf(bodyAnswer), String(bodyAnswer)).toBe(408);
  });

  it('closes the socket after an early refusal, without waiting for the unread body', async () => {
    loop = await startLoopback(FAST);
    const client = await rawClient(loop.port);
    client.write(
      head('POST', API.uploads, {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': '10000000',
        [PUBLISHABLE_KEY_HEADER]: KEY,
        'idempotency-key': 'early-refusal-01',
        origin: ORIGIN,
      }),
    );
    client.write('--x\r\n');
    const answer = await client.closed(3000); // we never end or stop the body: the server does
    expect(statusOf(answer), String(answer)).toBe(401);
    expect(answer?.toLowerCase()).toContain('connection: close');
  });

  it('holds at most FR_MAX_UPLOADS_IN_FLIGHT bodies: 503 server_busy with Retry-After past it', async () => {
    loop = await startLoopback({
      ...FAST,
      FR_BODY_TIMEOUT_SECONDS: '3',
      FR_MAX_UPLOADS_IN_FLIGHT: '2',
    });
    const subject = await loop.grant();
    const holders = [
      await partialUpload(loop, subject, 50),
      await partialUpload(loop, subject, 50),
    ];
    await new Promise((resolve) => setTimeout(resolve, 200)); // both are reading their bodies
    const busy = await loop.upload(subject);
    expect(busy.status, busy.body).toBe(503);
    expect(JSON.parse(busy.body).error.code).toBe('server_busy');
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    expect(busy.headers.connection).toBe('close');
    // The stalled bodies are cut; their slots come back and uploads are served again.
    for (const holder of holders) expect(statusOf(await holder.closed(8000))).toBe(408);
    const served = await loop.upload(subject);
    expect(served.status, served.body).toBe(201);
  });

  it('lets a body through that pauses but keeps a usable pace', async () => {
    loop = await startLoopback(FAST);
    const subject = await loop.grant();
    const { headers, body } = uploadRequest(subject);
    const client = await rawClient(loop.port);
    client.write(head('POST', API.uploads, { ...headers, 'content-length': String(body.length) }));
    const pieces = 4;
    const size = Math.ceil(body.length / pieces);
    for (let i = 0; i < pieces; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 400)); // under the 1 s gap allowed
      client.write(body.subarray(i * size, (i + 1) * size));
    }
    const deadline = Date.now() + 5000;
    while (statusOf(client.received()) === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statusOf(client.received()), client.received()).toBe(201);
    client.socket.destroy();
    expect((await send(loop.port, { method: 'GET', path: API.health })).status).toBe(200);
  });
});
