import { connect, type Socket } from 'node:net';

/** A raw client connection: write bytes when the test says, see what came back and when. */
export interface RawClient {
  readonly socket: Socket;
  write(data: string | Uint8Array): void;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves with what the server sent once it closes the connection (or after `ms`: null). */
  closed(ms: number): Promise<string | null>;
}

/** Connects to the server on loopback. */
export function rawClient(port: number): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    let isClosed = false;
    const waiters: (() => void)[] = [];
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
    });
    socket.on('error', () => undefined); // a reset is a close too
    socket.on('close', () => {
      isClosed = true;
      for (const waiter of waiters.splice(0)) waiter();
    });
    socket.once('connect', () =>
      resolve({
        socket,
        write: (chunk) => {
          if (!socket.destroyed) socket.write(chunk);
        },
        received: () => data,
        closed: (ms) =>
          new Promise((done) => {
            if (isClosed) {
              done(data);
              return;
            }
            const timer = setTimeout(() => done(null), ms);
            waiters.push(() => {
              clearTimeout(timer);
              done(data);
            });
          }),
      }),
    );
    socket.once('error', reject);
  });
}

/** The request head (request line and headers, blank line included) for a raw write. */
export function head(method: string, path: string, headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...lines, '', ''].join('\r\n');
}

/** The status code of a raw answer, or null. */
export function statusOf(answer: string | null): number | null {
  const match = /^HTTP\/1\.1 (\d{3}) /.exec(answer ?? '');
  return match ? Number(match[1]) : null;
}
