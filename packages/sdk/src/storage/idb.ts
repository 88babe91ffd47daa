/**
 * True when database `name` exists, without creating it: `indexedDB.databases()` where the
 * browser has it, otherwise an open whose creation is aborted in `upgradeneeded` (which
 * discards the new database). Consent and the upload queue both use it, so that merely
 * checking for earlier data never writes storage before consent.
 */
export async function databaseExists(idb: IDBFactory, name: string): Promise<boolean> {
  if (typeof idb.databases === 'function') {
    const all = await idb.databases();
    return all.some((info) => info.name === name);
  }
  return new Promise<boolean>((resolve, reject) => {
    const request = idb.open(name);
    let created = false;
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      request.result.close();
      resolve(true);
    };
    request.onerror = (event) => {
      event.preventDefault();
      if (created) resolve(false);
      else reject(request.error);
    };
  });
}
