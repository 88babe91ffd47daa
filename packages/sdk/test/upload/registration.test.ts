// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/upload/config.js';
import { createIdbStore } from '../../src/upload/kv-store.js';
import { createUploadQueue } from '../../src/upload/queue.js';
import { createRuntime } from '../../src/upload/runtime.js';
import { createSubjectStore } from '../../src/upload/subject-store.js';
import type { Transport, TransportRequest } from '../../src/upload/transport.js';
import { createFakeConsent, receiptFor } from './support/fake-consent.js';
import { testClock } from './support/harness.js';

/**
 * Answers every consent POST like a server that mints a subject when no bearer is sent. The
 * first answer is held until `release()`, like a slow network.
 */
function mintingTransport() {
  const seen: TransportRequest[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let firstSent = () => {};
  const first = new Promise<void>((resolve) => {
    firstSent = resolve;
  });
  const transport: Transport = {
    async send(request) {
      seen.push(request);
      if (seen.length === 1) {
        firstSent();
        await held;
      }
      const body = JSON.parse(String(request.body)) as { receipt: { consentReceiptID: string } };
      const minted = request.headers.authorization ? {} : { subjectToken: `tok${seen.length}` };
      const ack = {
        receiptId: body.receipt.consentReceiptID,
        subjectId: crypto.randomUUID(),
        status: 'active',
        ...minted,
      };
      return {
        status: 201,
        headers: {},
        body: new TextEncoder().encode(JSON.stringify(ack)).buffer,
      };
    },
  };
  return { seen, transport, first, release };
}

function setup() {
  const clock = testClock();
  const consent = createFakeConsent(clock.now);
  const store = createIdbStore({ indexedDB: new IDBFactory() });
  const { seen, transport, first, release } = mintingTransport();
  const config = resolveConfig({
    endpoint: 'https://ingest.test',
    publishableKey: 'pk',
    consent: consent.view,
    now: clock.now,
  });
  const subject = createSubjectStore(store);
  const rt = createRuntime(config, {
    api: { endpoint: config.endpoint, publishableKey: 'pk', transport },
    store,
    queue: createUploadQueue({ store }),
    subject,
    crypto,
  });
  return { rt, consent, seen, subject, store, first, release };
}

describe('consent registration', () => {
  it('registers each receipt once, even when asked concurrently', async () => {
    const { rt, consent, seen, subject, release } = setup();
    release();
    const receipt = receiptFor(consent.grant());
    const tokens = await Promise.all([rt.register(receipt), rt.register(receipt)]);
    expect(tokens).toEqual(['tok1', 'tok1']);
    await rt.register(receipt);
    expect(seen).toHaveLength(1);
    expect(await subject.read()).toEqual({ token: 'tok1', registered: [receipt.consentReceiptID] });
  });

  it('registers different receipts one after another, so the second reuses the first token', async () => {
    const { rt, consent, seen, store, first, release } = setup();
    const a = receiptFor(consent.grant());
    const b = receiptFor(consent.grant({ policyVersion: '2025-02' }));
    const both = Promise.all([rt.register(a), rt.register(b)]);
    await first; // the first registration is on the (slow) network ...
    await store.keys(); // ... and every storage read queued so far has been answered
    release();
    const tokens = await both;
    expect(tokens).toEqual(['tok1', 'tok1']);
    expect(seen.map((r) => r.headers.authorization)).toEqual([undefined, 'Bearer tok1']);
  });

  it('forgets a rejected token together with its registrations', async () => {
    const { rt, consent, seen, subject, release } = setup();
    release();
    const receipt = receiptFor(consent.grant());
    await rt.register(receipt);
    await rt.unregister(receipt.consentReceiptID, true);
    expect(await subject.read()).toEqual({ registered: [] });
    expect(await rt.register(receipt)).toBe('tok2');
    expect(seen).toHaveLength(2);
  });
});
