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
  /** Pages rendered in memory (`/ring.html` → HTML), served before the mounts' files. */
  readonly pages?: ReadonlyMap<string, string>;
  /** Rewrites HTML pages before they are sent (placeholders such as `%FR_INGEST%`). */
  readonly html?: (text: string) => string;
  /** URL prefixes whose names change with their content: served as immutable for a year. */
  readonly immutable?: readonly string[];
}

/** A year, immutable: for files whose URL changes whenever their content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Whether a file's URL is tied to its content: a bundler's hashed name (`session-u3tmw2T1.js`)
 * or a file under one of the `versioned` folder prefixes (`/fr/assets/<hash>/`). Anything else
 * (pages, the loader, `tryon.js`) is revalidated on every use.
 */
export function isImmutable(pathname: string, versioned: readonly string[] = []): boolean {
  if (versioned.some((prefix) => pathname.startsWith(prefix))) return true;
  return /-[A-Za-z0-9_-]{8}\.(?:js|css)$/.test(pathname);
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
    // sirv keeps a header set before it: its own `no-cache` gives way for content-tied URLs.
    const setHeaders = (res: ServerResponse, pathname: string) => {
      if (isImmutable(prefix + pathname.slice(1), options.immutable)) {
        res.setHeader('Cache-Control', IMMUTABLE);
      }
    };
    handlers.set(prefix, sirv(dir, { dev: true, dotfiles: false, setHeaders }) as Handler);
  }
  const transform = options.html ?? ((text: string) => text);
  const sendHtml = (req: IncomingMessage, res: ServerResponse, text: string) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(req.method === 'HEAD' ? undefined : transform(text));
  };
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
    const page = options.pages?.get(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (page !== undefined) {
      sendHtml(req, res, page);
      return;
    }
    const mount = pickMount(options.mounts, pathname);
    const root = mount && options.mounts[mount.prefix];
    if (!mount || !root) {
      notFound(res);
      return;
    }
    const htmlFile = options.html ? htmlFileFor(resolve(root), mount.rest) : null;
    if (htmlFile) {
      readFile(htmlFile, 'utf8').then(
        (text) => sendHtml(req, res, text),
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
