// A server process for fault tests: the real startServer, with a disk that stalls halfway
// through writing any large object (an upload) when FR_TEST_STALL_WRITES=1, so the test can
// SIGKILL it mid-write. Prints "LISTENING <url>" and "STALLED" on stdout.
import { open } from 'node:fs/promises';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import type { FsOps } from '../../src/storage/fs.js';

const stall: Partial<FsOps> = {
  async openForWrite(file) {
    const handle = await open(file, 'wx', 0o600);
    return {
      async writev(pieces: readonly Uint8Array[]) {
        const data = Buffer.concat(pieces);
        if (data.byteLength < 4096) return handle.write(data);
        await handle.write(data.subarray(0, data.byteLength >> 1));
        await handle.sync();
        process.stdout.write('STALLED\n');
        return new Promise<never>(() => undefined); // the rest never comes
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
};

const { config } = loadConfig(process.env);
const server = await startServer(
  config,
  process.env.FR_TEST_STALL_WRITES === '1' ? { fs: stall } : {},
);
process.stdout.write(`LISTENING ${server.url}\n`);
