import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FsOps, openFsStorage } from '../src/storage/fs.js';
import { describeStorageContract } from './support/storage-contract.js';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'fr-fs-'));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describeStorageContract('filesystem', async () => {
  const dir = await tempDir();
  return {
    storage: await openFsStorage({ dir }),
    async readAudit() {
      return (await readFile(path.join(dir, 'audit.log'), 'utf8')).trim().split('\n');
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('filesystem adapter', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lays objects out under objects/ by key', async () => {
    const storage = await openFsStorage({ dir });
    await storage.put('uploads/s1/u1.img', new Uint8Array([1, 2, 3]));
    expect(await readFile(path.join(dir, 'objects', 'uploads', 's1', 'u1.img'))).toEqual(
      Buffer.from([1, 2, 3]),
    );
    await storage.close();
  });

  it('leaves neither the target nor a temporary file when a write fails midway', async () => {
    const failing: Partial<FsOps> = {
      async openForWrite(file) {
        const { open } = await import('node:fs/promises');
        const handle = await open(file, 'wx');
        return {
          write: async (data: Uint8Array) => {
            await handle.write(data.subarray(0, 10));
            throw new Error('disk full');
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const storage = await openFsStorage({ dir, fs: failing });
    await expect(storage.put('uploads/s1/u1.img', new Uint8Array(1000))).rejects.toThrow(
      'disk full',
    );
    expect(await filesUnder(dir)).toEqual([]);
    expect(await storage.get('uploads/s1/u1.img')).toBeNull();
  });

  it('keeps the old object when the rename fails', async () => {
    let fail = false;
    const ops: Partial<FsOps> = {
      async rename(from, to) {
        if (fail) throw new Error('power cut');
        const { rename } = await import('node:fs/promises');
        await rename(from, to);
      },
    };
    const storage = await openFsStorage({ dir, fs: ops });
    await storage.put('a/b.json', new TextEncoder().encode('old'));
    fail = true;
    await expect(storage.put('a/b.json', new TextEncoder().encode('new'))).rejects.toThrow(
      'power cut',
    );
    expect(new TextDecoder().decode((await storage.get('a/b.json')) ?? undefined)).toBe('old');
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('removes temporary files left by a crash when it opens', async () => {
    await mkdir(path.join(dir, 'tmp'), { recursive: true });
    await writeFile(path.join(dir, 'tmp', 'abc.part'), 'half an image');
    const storage = await openFsStorage({ dir });
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([]);
    expect(await storage.list('')).toEqual([]);
  });

  it('removes emptied subject folders on delete', async () => {
    const storage = await openFsStorage({ dir });
    await storage.put('uploads/s1/u1.img', new Uint8Array([1]));
    await storage.put('uploads/s2/u2.img', new Uint8Array([2]));
    await storage.delete('uploads/s1/u1.img');
    expect(await readdir(path.join(dir, 'objects', 'uploads'))).toEqual(['s2']);
  });
});
