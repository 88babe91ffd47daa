import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/consent/policy.js';
import { createRecord } from '../../src/consent/record.js';
import { idbConsentStore } from '../../src/consent/store.js';
import { databaseExists } from '../../src/storage/idb.js';
import { POLICY } from './fixtures.js';

const record = createRecord({
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  action: 'grant',
  policy: resolvePolicy(POLICY),
  granted: ['camera'],
  refused: [],
  at: new Date('2025-03-01T10:00:00.000Z'),
  locale: 'en',
  noticeHash: 'c'.repeat(64),
});

describe('idbConsentStore', () => {
  it('loads nothing and creates no database before the first write', async () => {
    const idb = new IDBFactory();
    const store = idbConsentStore({ indexedDB: idb });
    expect(await store.load()).toEqual([]);
    await store.clear();
    expect(await idb.databases()).toEqual([]);
  });

  it('appends in order and reads back from a fresh store (a reload)', async () => {
    const idb = new IDBFactory();
    const first = idbConsentStore({ indexedDB: idb });
    await first.append(record);
    await first.append({ ...record, id: 'second' });
    expect((await idb.databases()).map((d) => d.name)).toEqual(['fittingroom-consent']);
    const reloaded = idbConsentStore({ indexedDB: idb });
    expect(await reloaded.load()).toEqual([record, { ...record, id: 'second' }]);
    await reloaded.clear();
    expect(await idbConsentStore({ indexedDB: idb }).load()).toEqual([]);
  });

  it('uses the global IndexedDB by default', async () => {
    const store = idbConsentStore({ dbName: 'fr-test-default' });
    await store.append(record);
    expect(await idbConsentStore({ dbName: 'fr-test-default' }).load()).toEqual([record]);
  });
});

describe('databaseExists', () => {
  it('without databases(): probes and leaves no new database behind', async () => {
    const idb = new IDBFactory();
    const listing = idb.databases.bind(idb);
    const probeOnly = Object.assign(Object.create(idb) as IDBFactory, { databases: undefined });
    expect(await databaseExists(probeOnly, 'fittingroom-consent')).toBe(false);
    expect(await listing()).toEqual([]);
    await idbConsentStore({ indexedDB: idb }).append(record);
    expect(await databaseExists(probeOnly, 'fittingroom-consent')).toBe(true);
  });
});
