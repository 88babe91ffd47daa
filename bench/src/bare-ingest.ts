// The bare baseline of the ingest benchmark, run as its own process: a node:http server that
// reads each request body and writes the same bytes to a file. FSYNC=1 makes the write as
// durable as the reference server's (temp file, fsync, rename, fsync of the folder).
import { randomUUID } from 'node:crypto';
import { open, rename, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const dir = process.env.DIR ?? '.';
const durable = process.env.FSYNC === '1';
const LIMIT = 11 * 1024 * 1024;

/** Writes the body: plainly, or atomically and durably. */
async function store(body: Buffer): Promise<string> {
  const id = randomUUID();
  const path = join(dir, `${id}.bin`);
  if (!durable) {
    await writeFile(path, body);
    return id;
  }
  const tmp = join(dir, `${id}.tmp`);
  const file = await open(tmp, 'w', 0o600);
  try {
    await file.writeFile(body);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tmp, path);
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
  return id;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > LIMIT) req.destroy();
    else chunks.push(chunk);
  });
  req.on('end', () => {
    store(Buffer.concat(chunks)).then(
      (id) => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
