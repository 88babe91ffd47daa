import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYS } from '../src/records/keys.js';
import type { RunningServer } from '../src/server.js';
import type { Storage } from '../src/storage/types.js';
import { type Adapter, fsAdapter, s3Adapter } from './support/adapters.js';
import { grantOver, type ServedStore, serveStore, uploadOver } from './support/client.js';
import { useLocalS3 } from './support/s3.js';

const adapters: Adapter[] = [fsAdapter, s3Adapter(useLocalS3())];
const CONCURRENT = 20;

describe.each(adapters)('one Idempotency-Key at once ($name adapter, real server)', (adapter) => {
  let served: ServedStore;
  let storage: Storage;
  let server: RunningServer;
  beforeEach(async () => {
    served = await serveStore(adapter.open);
    ({ storage, server } = served);
  });
  afterEach(() => served.close());

  const auditOf = async (uploadId: string) =>
    (await adapter.readAudit(served.dataDir, storage))
      .map((line) => JSON.parse(line) as { type: string; uploadId?: string })
      .filter((event) => event.uploadId === uploadId)
      .map((event) => event.type);

  it('different bodies under one key at once: one 201, every other 409, the winner stored', async () => {
    const who = await grantOver(server.url);
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        uploadOver(server.url, who, 'same-key-different-body', {
          metadata: { productId: `ring-${i}` },
        }),
      ),
    );
    const won = answers.filter((answer) => answer.status === 201);
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(CONCURRENT - 1);
    const winner = answers.indexOf(won[0] as (typeof answers)[number]);
    const exported = await fetch(`${server.url}/v1/subjects/me/export`, {
      headers: { authorization: `Bearer ${who.token}` },
    });
    const body = (await exported.json()) as { uploads: { productId: string }[] };
    expect(body.uploads.map((upload) => upload.productId)).toEqual([`ring-${winner}`]);
    expect(await storage.list(KEYS.uploads(who.subjectId))).toHaveLength(1);
    // After the fact, a different body under that key is still refused.
    const late = await uploadOver(server.url, who, 'same-key-different-body', {
      metadata: { productId: 'ring-late' },
    });
    expect(late.status).toBe(409);
  });

  it('identical requests at once: one answer, replayed for all but one, one store event', async () => {
    const who = await grantOver(server.url);
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, () => uploadOver(server.url, who, 'same-key-same-body')),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(CONCURRENT).fill(201));
    expect(answers.filter((answer) => answer.replayed === 'false')).toHaveLength(1);
    expect(answers.filter((answer) => answer.replayed === 'true')).toHaveLength(CONCURRENT - 1);
    const first = answers[0]?.body;
    for (const answer of answers) {
      expect(answer.body.uploadId).toBe(first?.uploadId);
      expect(answer.body.expiresAt).toBe(first?.expiresAt);
    }
    const events = await auditOf(first?.uploadId ?? '');
    expect(events.filter((type) => type === 'upload_stored')).toHaveLength(1);
    expect(events.filter((type) => type === 'upload_replayed')).toHaveLength(CONCURRENT - 1);
    expect(await storage.list(KEYS.uploads(who.subjectId))).toHaveLength(1);
  });
});
