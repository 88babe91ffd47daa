import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FsOps, openFsStorage } from '../src/storage/fs.js';
import type { Storage } from '../src/storage/types.js';
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
          writev: async (pieces: readonly Uint8Array[]) => {
            await handle.write((pieces[0] ?? new Uint8Array()).subarray(0, 10));
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
    // The audit log is opened at start-up; besides it, nothing.
    expect(await filesUnder(dir)).toEqual([path.join(dir, 'audit.log')]);
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

  it('serves records from memory after a read, never a stale one', async () => {
    const text = (value: Uint8Array | null) => new TextDecoder().decode(value ?? undefined);
    let storage: Storage | undefined;
    let raced = '';
    const ops: Partial<FsOps> = {
      async rename(from, to) {
        // A read that starts and ends while the put is in flight sees the old bytes…
        raced = text((await storage?.get('a/b.json')) ?? null);
        const { rename } = await import('node:fs/promises');
        await rename(from, to);
      },
    };
    storage = await openFsStorage({ dir, fs: ops });
    await storage.put('a/b.json', new TextEncoder().encode('one'));
    expect(text(await storage.get('a/b.json'))).toBe('one');
    await storage.put('a/b.json', new TextEncoder().encode('two'));
    expect(raced).toBe('one');
    // …but it is not what later reads get.
    expect(text(await storage.get('a/b.json'))).toBe('two');
    const copy = await storage.get('a/b.json');
    copy?.fill(0); // a caller changing its bytes changes nothing stored
    expect(text(await storage.get('a/b.json'))).toBe('two');
    await storage.delete('a/b.json');
    expect(await storage.get('a/b.json')).toBeNull();
    await storage.close();
  });

  it('knows a missing object without asking the disk, and sees puts and deletes at once', async () => {
    const storage = await openFsStorage({ dir });
    const bytes = new Uint8Array([1, 2, 3]);
    await storage.put('uploads/s1/a.upload', bytes);
    // The first look lists the folder; puts racing the listing are not lost.
    const [missing] = await Promise.all([
      storage.getHead('uploads/s1/b.upload', 8),
      storage.put('uploads/s1/c.upload', bytes),
    ]);
    expect(missing).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the listing has settled
    expect(await storage.getHead('uploads/s1/b.upload', 8)).toBeNull();
    expect(await storage.getHead('uploads/s1/c.upload', 8)).toEqual(bytes);
    await storage.put('uploads/s1/b.upload', bytes);
    expect(await storage.getHead('uploads/s1/b.upload', 2)).toEqual(bytes.subarray(0, 2));
    await storage.delete('uploads/s1/b.upload');
    expect(await storage.getHead('uploads/s1/b.upload', 8)).toBeNull();
    expect(await storage.getHead('uploads/s1/a.upload', 8)).toEqual(bytes);
    await storage.close();
  });

  it('makes a pruned folder again when a put lands in it', async () => {
    const storage = await openFsStorage({ dir });
    await storage.put('uploads/s1/u1.upload', new Uint8Array([1]));
    await storage.delete('uploads/s1/u1.upload'); // prunes uploads/s1/ and uploads/
    await storage.put('uploads/s1/u2.upload', new Uint8Array([2]));
    expect(await storage.get('uploads/s1/u2.upload')).toEqual(new Uint8Array([2]));
    await storage.close();
  });

  it('removes emptied subject folders on delete', async () => {
    const storage = await openFsStorage({ dir });
    await storage.put('uploads/s1/u1.img', new Uint8Array([1]));
    await storage.put('uploads/s2/u2.img', new Uint8Array([2]));
    await storage.delete('uploads/s1/u1.img');
    expect(await readdir(path.join(dir, 'objects', 'uploads'))).toEqual(['s2']);
  });
});
