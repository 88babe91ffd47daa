import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface Received {
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A webhook receiver on loopback that can go down and come back on the same port. */
export interface Receiver {
  readonly url: string;
  readonly got: Received[];
  /** Stops listening: deliveries then fail with a refused connection. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts a receiver answering 204 to every POST and keeping what it got. */
export async function startReceiver(): Promise<Receiver> {
  const got: Received[] = [];
  const make = (): Server =>
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
  let server = make();
  const port = await listen(server, 0);
  return {
    url: `http://127.0.0.1:${port}/hooks/fittingroom`,
    got,
    down: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    up: async () => {
      server = make();
      await listen(server, port);
    },
  };
}
