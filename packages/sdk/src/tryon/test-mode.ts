import { TEST_PUBLISHABLE_PREFIX } from '@fittingroom/protocol';
import type { UploadClient } from '../upload/client.js';
import type { IngestOptions } from './types.js';

/**
 * Whether the ingest server says this try-on's key is a test key, asked after camera consent
 * (the live view is mounting). The server's configuration decides, not the key's name; but only
 * a key named `pk_test_…` can be a test key (the server refuses any other name for one), so for
 * every other key — every live store — nothing is asked and the ingest server hears nothing
 * until the shopper shares. Any failure means no badge: it must never stop a try-on.
 */
export async function isTestMode(
  ingest: IngestOptions | undefined,
  uploads: () => Promise<UploadClient | null>,
): Promise<boolean> {
  if (!ingest?.publishableKey.startsWith(TEST_PUBLISHABLE_PREFIX)) return false;
  try {
    const client = await uploads();
    return (await client?.keyInfo())?.test === true;
  } catch {
    return false;
  }
}
