import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

/** Where pages find the assets folder, composed as a retailer hosts it (docs/hosting-assets.md). */
export const ASSETS_PATH = '/fittingroom/assets/';

/** A running static server on loopback. */
export interface StaticServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Every path the server was asked for, in order. */
  readonly hits: string[];
  /**
   * The next request whose path ends with `suffix` gets the full headers (Content-Length of the
   * whole file) but only the first half of the body, then the connection drops: a download cut
   * mid-way, as on a train going into a tunnel.
   */
  cutNext(suffix: string): void;
  /**
   * The next request whose path ends with `suffix` gets the headers and the first half of the
   * body, then nothing more, with the connection held open: a download that stalls.
   */
  stallNext(suffix: string): void;
  /** Stalled responses whose connection is still open (the client has not let go). */
  stalledOpen(): number;
  close(): Promise<void>;
}

/**
 * Serves `root` (the repository) on 127.0.0.1 with a random port, no caching, and the strict
 * CSP the product promises retailers, so every e2e page runs under it. `/fittingroom/assets/` is
 * the assets folder: the models' dist plus the SDK's worker, as `@fittingroom/vite-plugin` serves it.
 */
export async function startStaticServer(root: string, csp = STRICT_CSP): Promise<StaticServer> {
  const repo = sirv(root, { dev: true, dotfiles: false });
  const models = sirv(join(root, 'packages/models/dist'), { dev: true });
  const sdk = sirv(join(root, 'packages/sdk/dist'), { dev: true });
  const serve: typeof repo = (req, res, next) => {
    if (!req.url?.startsWith(ASSETS_PATH)) return repo(req, res, next);
    req.url = req.url.slice(ASSETS_PATH.length - 1);
    (req.url.startsWith('/ml-worker.js') ? sdk : models)(req, res, next);
  };
  const hits: string[] = [];
  const cuts: string[] = [];
  const stalls: string[] = [];
  const stalled = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const cut = cuts.findIndex((suffix) => path.endsWith(suffix));
    if (cut >= 0) {
      cuts.splice(cut, 1);
      return cutHalfway(fileOf(root, path), req, res);
    }
    const stall = stalls.findIndex((suffix) => path.endsWith(suffix));
    if (stall >= 0) {
      stalls.splice(stall, 1);
      stalled.add(res);
      res.on('close', () => stalled.delete(res));
      return sendHalf(fileOf(root, path), res);
    }
    // `?csp=off` serves a page without CSP, as on a retailer site that has none: the SDK's own
    // guards must hold there too.
    // `?ingest=http://127.0.0.1:PORT` adds that loopback origin to connect-src, as a retailer
    // adds its ingest server.
    if (csp && !req.url?.includes('csp=off')) {
      const ingest = new URL(req.url ?? '/', 'http://x').searchParams.get('ingest');
      const extra = ingest && /^http:\/\/127\.0\.0\.1:\d+$/.test(ingest) ? ` ${ingest}` : '';
      res.setHeader(
        'Content-Security-Policy',
        csp.replace("connect-src 'self'", `connect-src 'self'${extra}`),
      );
    }
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    cutNext: (suffix) => {
      cuts.push(suffix);
    },
    stallNext: (suffix) => {
      stalls.push(suffix);
    },
    stalledOpen: () => stalled.size,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The file on disk that `path` is served from (the assets folder maps as `serve` maps it). */
function fileOf(root: string, path: string): string {
  if (!path.startsWith(ASSETS_PATH)) return join(root, path);
  const rest = path.slice(ASSETS_PATH.length);
  return join(
    root,
    rest.startsWith('ml-worker.js') ? 'packages/sdk/dist' : 'packages/models/dist',
    rest,
  );
}

/** Sends the headers of the whole file and its first half; the stream ends after that half. */
function sendHalf(file: string, res: ServerResponse) {
  const size = statSync(file).size;
  res.writeHead(200, {
    'Content-Length': String(size),
    'Content-Type': 'application/octet-stream',
  });
  const half = createReadStream(file, { end: Math.floor(size / 2) });
  half.on('data', (chunk) => res.write(chunk));
  return half;
}

function cutHalfway(file: string, req: IncomingMessage, res: ServerResponse): void {
  sendHalf(file, res).on('end', () => setTimeout(() => req.socket.destroy(), 200));
}

/** The minimal CSP a retailer needs (see docs); e2e pages are served under it. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "worker-src 'self' blob:",
].join('; ');
