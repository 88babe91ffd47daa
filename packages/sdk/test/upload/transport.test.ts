// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isUploadError } from '../../src/upload/errors.js';
import { createFetchTransport, parseRawHeaders } from '../../src/upload/transport.js';
import { createXhrTransport, type XhrConstructor } from '../../src/upload/xhr-transport.js';

/** A scriptable stand-in for XMLHttpRequest; the test drives its events. */
class FakeXhr {
  static last: FakeXhr | undefined;
  opened: [string, string, boolean] | undefined;
  headers: Record<string, string> = {};
  sent: unknown;
  aborted = false;
  status = 0;
  response: unknown = null;
  responseType = '';
  withCredentials = true;
  rawHeaders = '';
  readonly upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string, async: boolean) {
    this.opened = [method, url, async];
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getAllResponseHeaders() {
    return this.rawHeaders;
  }
  send(body: unknown) {
    this.sent = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
}

const Xhr = FakeXhr as unknown as XhrConstructor;
const request = {
  method: 'POST',
  url: 'https://ingest.test/v1/uploads',
  headers: { 'idempotency-key': 'k1' },
  body: 'hello',
} as const;

function current(): FakeXhr {
  if (!FakeXhr.last) throw new Error('no XHR created');
  return FakeXhr.last;
}

describe('XHR transport', () => {
  it('sends without credentials, reports upload progress and parses the answer', async () => {
    const progress: unknown[] = [];
    const pending = createXhrTransport({ XMLHttpRequest: Xhr }).send(request, {
      onProgress: (p) => progress.push(p),
    });
    const xhr = current();
    expect(xhr.opened).toEqual(['POST', request.url, true]);
    expect(xhr.withCredentials).toBe(false);
    expect(xhr.responseType).toBe('arraybuffer');
    expect(xhr.headers).toEqual({ 'idempotency-key': 'k1' });
    expect(xhr.sent).toBe('hello');
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 } as ProgressEvent);
    xhr.upload.onprogress?.({ lengthComputable: false, loaded: 7, total: 0 } as ProgressEvent);
    xhr.status = 201;
    xhr.response = new TextEncoder().encode('{"ok":1}').buffer;
    xhr.rawHeaders = 'Content-Type: application/json\r\nRetry-After: 3\r\n';
    xhr.onload?.();
    const response = await pending;
    expect(progress).toEqual([{ loaded: 5, total: 10 }]);
    expect(response.status).toBe(201);
    expect(response.headers).toEqual({ 'content-type': 'application/json', 'retry-after': '3' });
    expect(new TextDecoder().decode(response.body)).toBe('{"ok":1}');
  });

  it('rejects with a typed network error when there is no answer', async () => {
    const pending = createXhrTransport({ XMLHttpRequest: Xhr }).send(request);
    current().onerror?.();
    await expect(pending).rejects.toSatisfy((e) => isUploadError(e, 'network'));
  });

  it('aborts the request when the signal fires, and refuses an already-aborted signal', async () => {
    const controller = new AbortController();
    const pending = createXhrTransport({ XMLHttpRequest: Xhr }).send(request, {
      signal: controller.signal,
    });
    controller.abort();
    expect(current().aborted).toBe(true);
    await expect(pending).rejects.toSatisfy((e) => isUploadError(e, 'aborted'));
    FakeXhr.last = undefined;
    await expect(
      createXhrTransport({ XMLHttpRequest: Xhr }).send(request, { signal: controller.signal }),
    ).rejects.toSatisfy((e) => isUploadError(e, 'aborted'));
    expect(FakeXhr.last).toBeUndefined();
  });
});

describe('fetch transport', () => {
  it('omits credentials and the referrer, and maps failures to typed errors', async () => {
    const seen: RequestInit[] = [];
    const ok = createFetchTransport({
      fetch: async (_url, init) => {
        seen.push(init ?? {});
        return new Response('{}', { status: 503, headers: { 'Retry-After': '2' } });
      },
    });
    const response = await ok.send(request);
    expect(response).toMatchObject({ status: 503, headers: { 'retry-after': '2' } });
    expect(seen[0]).toMatchObject({
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
    });

    const failing = createFetchTransport({
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(failing.send(request)).rejects.toSatisfy((e) => isUploadError(e, 'network'));
  });
});

describe('parseRawHeaders', () => {
  it('lower-cases names and joins repeated headers', () => {
    expect(parseRawHeaders('A: 1\r\nb: 2\r\na: 3\r\nbroken\r\n')).toEqual({ a: '1, 3', b: '2' });
  });
});
