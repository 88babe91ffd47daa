import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/types.js';

/** Opens a fresh, empty store and says how to read its audit log back. */
export interface ContractSubject {
  readonly storage: Storage;
  readAudit(): Promise<string[]>;
  cleanup(): Promise<void>;
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The behaviour every storage adapter must have; run once per adapter. */
export function describeStorageContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`storage contract: ${name}`, () => {
    let subject: ContractSubject;
    let storage: Storage;
    beforeEach(async () => {
      subject = await open();
      storage = subject.storage;
    });
    afterEach(async () => {
      await storage.close();
      await subject.cleanup();
    });

    it('stores and returns bytes exactly, binary included', async () => {
      const body = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
      await storage.put('uploads/s1/u1.img', body);
      expect(await storage.get('uploads/s1/u1.img')).toEqual(body);
    });

    it('stores a body given in pieces back to back, and reads its head alone', async () => {
      await storage.put('uploads/s1/u1.upload', [bytes('head'), new Uint8Array(), bytes('-body')]);
      expect(
        new TextDecoder().decode((await storage.get('uploads/s1/u1.upload')) ?? undefined),
      ).toBe('head-body');
      const head = await storage.getHead('uploads/s1/u1.upload', 4);
      expect(new TextDecoder().decode(head ?? undefined)).toBe('head');
      const all = await storage.getHead('uploads/s1/u1.upload', 4096);
      expect(new TextDecoder().decode(all ?? undefined)).toBe('head-body');
      expect(await storage.getHead('uploads/s1/none.upload', 4)).toBeNull();
    });

    it('replaces an object on put', async () => {
      await storage.put('a/b.json', bytes('one'));
      await storage.put('a/b.json', bytes('two'));
      expect(new TextDecoder().decode((await storage.get('a/b.json')) ?? undefined)).toBe('two');
    });

    it('returns null for a missing key', async () => {
      expect(await storage.get('nothing/here.json')).toBeNull();
    });

    it('deletes idempotently', async () => {
      await storage.put('a/b.json', bytes('x'));
      await storage.delete('a/b.json');
      await storage.delete('a/b.json');
      expect(await storage.get('a/b.json')).toBeNull();
      expect(await storage.list('')).toEqual([]);
    });

    it('lists by folder prefix, sorted, with sizes and times', async () => {
      await storage.put('subjects/s2/consents/r.json', bytes('abc'));
      await storage.put('subjects/s1/subject.json', bytes('a'));
      await storage.put('subjects/s10/subject.json', bytes('b'));
      await storage.put('uploads/s1/u.json', bytes('c'));
      const listed = await storage.list('subjects/');
      expect(listed.map((item) => item.key)).toEqual([
        'subjects/s1/subject.json',
        'subjects/s10/subject.json',
        'subjects/s2/consents/r.json',
      ]);
      expect(listed[2]?.size).toBe(3);
      expect(listed[0]?.modifiedAt).toBeInstanceOf(Date);
      expect((await storage.list('subjects/s1/')).map((item) => item.key)).toEqual([
        'subjects/s1/subject.json',
      ]);
      expect(await storage.list('missing/')).toEqual([]);
      expect(await storage.list('')).toHaveLength(4);
    });

    it.each([
      '../escape',
      '/absolute',
      'a//b',
      'a/../b',
      'a/./b',
      '',
      'a/b/',
      'bad key',
      'x/.hidden',
      'a\\b',
    ])('refuses the unsafe key %j', async (key) => {
      await expect(storage.put(key, bytes('x'))).rejects.toThrow(/unsafe/);
      await expect(storage.get(key)).rejects.toThrow(/unsafe/);
      await expect(storage.getHead(key, 1)).rejects.toThrow(/unsafe/);
      await expect(storage.delete(key)).rejects.toThrow(/unsafe/);
    });

    it('refuses an unsafe list prefix', async () => {
      await expect(storage.list('../')).rejects.toThrow(/unsafe/);
      await expect(storage.list('subjects')).rejects.toThrow(/unsafe/);
    });

    it('appends audit events without rewriting earlier ones', async () => {
      await Promise.all([1, 2, 3].map((n) => storage.appendAudit(JSON.stringify({ n }))));
      await storage.appendAudit(JSON.stringify({ n: 4 }));
      const lines = (await subject.readAudit()).map((line) => JSON.parse(line) as { n: number });
      expect(lines.map((line) => line.n).sort()).toEqual([1, 2, 3, 4]);
      expect((await storage.list('uploads/')).length).toBe(0);
    });
  });
}
