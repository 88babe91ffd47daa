import type { BrowserContext, Request } from '@playwright/test';

/** One request the page (or any of its workers) made. */
export interface RecordedRequest {
  readonly url: string;
  readonly host: string;
  readonly method: string;
  readonly resourceType: string;
  /** Response body size in bytes, once the request finished (0 when it failed). */
  bytes: number;
  failed: boolean;
}

/** Everything a browser context asked the network for. */
export interface NetworkRecorder {
  readonly requests: RecordedRequest[];
  /** Distinct hosts (`host:port`) requested. */
  hosts(): string[];
  /** Requests to any host other than the allowed ones. */
  foreign(allowed?: readonly string[]): RecordedRequest[];
  /** Requests whose path matches. */
  matching(pattern: RegExp): RecordedRequest[];
  /** Forget what was recorded so far (e.g. after the page loaded). */
  clear(): void;
}

/**
 * Records every request of a context, including those from dedicated workers, and aborts any
 * request that is not to loopback so a leak is both seen and stopped.
 */
export async function recordNetwork(context: BrowserContext): Promise<NetworkRecorder> {
  const requests: RecordedRequest[] = [];
  const byRequest = new WeakMap<Request, RecordedRequest>();
  const add = (request: Request): RecordedRequest => {
    const seen = byRequest.get(request);
    if (seen) return seen;
    const url = new URL(request.url());
    const entry: RecordedRequest = {
      url: request.url(),
      host: url.protocol === 'blob:' || url.protocol === 'data:' ? url.protocol : url.host,
      method: request.method(),
      resourceType: request.resourceType(),
      bytes: 0,
      failed: false,
    };
    byRequest.set(request, entry);
    requests.push(entry);
    return entry;
  };
  context.on('request', (request) => {
    add(request);
  });
  context.on('requestfinished', async (request) => {
    const entry = add(request);
    const sizes = await request.sizes().catch(() => null);
    entry.bytes = sizes ? sizes.responseBodySize : 0;
  });
  context.on('requestfailed', (request) => {
    add(request).failed = true;
  });
  await context.route(
    (url) => !isLoopback(url),
    (route) => {
      add(route.request());
      return route.abort('blockedbyclient');
    },
  );
  return {
    requests,
    hosts: () => [...new Set(requests.map((r) => r.host))],
    foreign: (allowed = []) =>
      requests.filter((r) => !isLoopbackHost(r.host) && !allowed.includes(r.host)),
    matching: (pattern) => requests.filter((r) => pattern.test(r.url)),
    clear: () => {
      requests.length = 0;
    },
  };
}

function isLoopback(url: URL): boolean {
  if (url.protocol === 'blob:' || url.protocol === 'data:') return true;
  return isLoopbackHost(url.host);
}

function isLoopbackHost(host: string): boolean {
  return host === 'blob:' || host === 'data:' || /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
}
