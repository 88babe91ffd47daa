import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve, sep } from 'node:path';
import sirv from 'sirv';

/** Options of {@link startStaticSite}. */
export interface StaticSiteOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** URL prefix (`/`, `/fr/`) → folder served under it; the longest prefix wins. */
  readonly mounts: Readonly<Record<string, string>>;
  /** Headers of every response (called per request, so they may change after start). */
  readonly headers: () => Readonly<Record<string, string>>;
  /** Rewrites HTML pages before they are sent (placeholders such as `%FR_INGEST%`). */
  readonly html?: (text: string) => string;
}

/** A running static site. */
export interface StaticSite {
  /** Origin, e.g. `http://127.0.0.1:5173`. */
  readonly url: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The mount serving `pathname`, with the path inside it. */
export function pickMount(
  mounts: Readonly<Record<string, string>>,
  pathname: string,
): { prefix: string; rest: string } | null {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const prefix = prefixes.find((p) => pathname.startsWith(p) || `${pathname}/` === p);
  if (prefix === undefined) return null;
  return { prefix, rest: `/${pathname.slice(prefix.length)}` };
}

/** The HTML file a request names inside `root` (directory → index.html), or null if none. */
export function htmlFileFor(root: string, rest: string): string | null {
  const path = rest.endsWith('/') ? `${rest}index.html` : rest;
  if (!path.endsWith('.html')) return null;
  const file = resolve(root, `.${path}`);
  return file.startsWith(root + sep) ? file : null;
}

/**
 * Serves folders over HTTP with fixed headers (the CSP among them): HTML pages go through
 * `html` first, everything else through sirv (ETags, ranges, correct types for `.wasm` and
 * `.mjs`). GET and HEAD only.
 */
export async function startStaticSite(options: StaticSiteOptions): Promise<StaticSite> {
  const handlers = new Map<string, Handler>();
  for (const [prefix, dir] of Object.entries(options.mounts)) {
    handlers.set(prefix, sirv(dir, { dev: true, dotfiles: false }) as Handler);
  }
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('Not found');
  };
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(options.headers())) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      notFound(res);
      return;
    }
    const mount = pickMount(options.mounts, pathname);
    const root = mount && options.mounts[mount.prefix];
    if (!mount || !root) {
      notFound(res);
      return;
    }
    const htmlFile = options.html ? htmlFileFor(resolve(root), mount.rest) : null;
    if (htmlFile && options.html) {
      const transform = options.html;
      readFile(htmlFile, 'utf8').then(
        (text) => {
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('cache-control', 'no-store');
          res.end(req.method === 'HEAD' ? undefined : transform(text));
        },
        () => notFound(res),
      );
      return;
    }
    req.url = encodeURI(mount.rest);
    handlers.get(mount.prefix)?.(req, res, () => notFound(res));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
