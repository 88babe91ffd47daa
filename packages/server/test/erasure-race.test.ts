import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYS } from '../src/records/keys.js';
import type { RunningServer } from '../src/server.js';
import type { Storage } from '../src/storage/types.js';
import { type Adapter, fsAdapter, s3Adapter } from './support/adapters.js';
import {
  eraseOver,
  grantOver,
  type ServedStore,
  serveStore,
  type UploadAnswer,
  uploadOver,
} from './support/client.js';
import { useLocalS3 } from './support/s3.js';

/** `storage` with every upload put delayed by `ms` (before it starts). */
function slowCommits(storage: Storage, ms: number): Storage {
  return {
    ...storage,
    async put(key, body) {
      if (key.startsWith(KEYS.uploadsRoot)) await new Promise((resolve) => setTimeout(resolve, ms));
      return storage.put(key, body);
    },
  };
}

const adapters: Adapter[] = [fsAdapter, s3Adapter(useLocalS3())];
/** Uploads per round, and rounds: enough that some are always between check and commit. */
const UPLOADS = 24;
/** When each round's erasure starts: a while after its burst of uploads, or after some answered. */
const TRIGGERS: ({ ms: number } | { answers: number })[] = [
  { ms: 0 },
  { ms: 150 },
  { ms: 300 },
  { answers: 1 },
  { answers: 8 },
];

describe.each(adapters)('erasure racing uploads ($name adapter, real server)', (adapter) => {
  let served: ServedStore;
  let storage: Storage;
  let server: RunningServer;
  beforeEach(async () => {
    // Upload commits are held back a little, as on a busy disk or a distant bucket: it widens
    // the window between an upload's consent check and its commit that the erasure must close.
    served = await serveStore(async (dir) => slowCommits(await adapter.open(dir), 40));
    ({ storage, server } = served);
  });
  afterEach(() => served.close());

  const uploadsOf = async (subjectId: string) =>
    (await storage.list(KEYS.uploads(subjectId))).map((item) => item.key);

  it('leaves no object: none when the erasure answers, none once every upload answered', async () => {
    const statuses = new Set<number>();
    for (const [round, trigger] of TRIGGERS.entries()) {
      const who = await grantOver(server.url);
      let answered = 0;
      let nth: () => void = () => undefined;
      const enough = new Promise<void>((resolve) => {
        nth = resolve;
      });
      const answers: Promise<UploadAnswer>[] = [];
      for (let i = 0; i < UPLOADS; i += 1) {
        const answer = uploadOver(server.url, who, `race-${round}-${i}-key`);
        answers.push(answer);
        answer.finally(() => {
          answered += 1;
          if ('answers' in trigger && answered >= trigger.answers) nth();
        });
      }
      if ('ms' in trigger) await new Promise((resolve) => setTimeout(resolve, trigger.ms));
      else await enough;
      const status = await eraseOver(server.url, who);
      // What storage holds the moment the erasure has answered.
      const left = await uploadsOf(who.subjectId);
      expect({ status, left }).toEqual({ status: 204, left: [] });
      for (const answer of await Promise.all(answers)) {
        // Stored before the fence (then erased) or refused: never a 5xx.
        expect([201, 401, 403]).toContain(answer.status);
        statuses.add(answer.status);
      }
      expect(await uploadsOf(who.subjectId)).toEqual([]);
    }
    // The bursts really raced the erasures: some uploads got through, some were refused.
    expect(statuses.has(201) && statuses.size > 1).toBe(true);
    expect((await storage.list('')).filter((item) => !item.key.startsWith('audit/'))).toEqual([]);
    // Five rounds of 24 uploads on s3rver take ~28 s alone on this 2-core machine: room to spare.
  }, 120_000);
});
