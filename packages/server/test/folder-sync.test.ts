import { describe, expect, it } from 'vitest';
import { createFolderSyncer, type FolderOps } from '../src/storage/fs-folders.js';

/** Folder calls whose fsyncs finish only when the test says so. */
function slowOps() {
  const pending: (() => void)[] = [];
  const ops: FolderOps = {
    open: async () => 7,
    fsync: () => new Promise<void>((resolve) => pending.push(resolve)),
    close: async () => undefined,
  };
  return { ops, pending };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('folder syncs (group commit)', () => {
  it('never answers a caller with an fsync that was already running at its call', async () => {
    const { ops, pending } = slowOps();
    const syncer = createFolderSyncer(64, ops);
    const done: string[] = [];
    const first = syncer.sync('/d').then(() => done.push('first'));
    await tick();
    expect(pending).toHaveLength(1);
    // These renames happened after fsync #1 began: #1 does not cover them.
    const later = [syncer.sync('/d'), syncer.sync('/d')].map((p, i) =>
      p.then(() => done.push(`later${i}`)),
    );
    await tick();
    expect(pending).toHaveLength(1); // no second fsync while the first runs
    pending[0]?.();
    await first;
    await tick();
    expect(done).toEqual(['first']);
    expect(pending).toHaveLength(2); // one shared fsync for both later callers
    pending[1]?.();
    await Promise.all(later);
    expect(done).toEqual(['first', 'later0', 'later1']);
  });

  it('shares the failure of a shared fsync with every caller, and starts afresh after it', async () => {
    let calls = 0;
    const ops: FolderOps = {
      open: async () => 7,
      fsync: async () => {
        calls += 1;
        if (calls === 1) throw new Error('EIO');
      },
      close: async () => undefined,
    };
    const syncer = createFolderSyncer(64, ops);
    const results = await Promise.allSettled([syncer.sync('/d'), syncer.sync('/d')]);
    expect(results[0]?.status).toBe('rejected');
    await expect(syncer.sync('/d')).resolves.toBeUndefined();
  });

  it('syncs different folders independently', async () => {
    const { ops, pending } = slowOps();
    const syncer = createFolderSyncer(64, ops);
    const a = syncer.sync('/a');
    const b = syncer.sync('/b');
    await tick();
    expect(pending).toHaveLength(2);
    for (const resolve of pending) resolve();
    await Promise.all([a, b]);
  });
});
