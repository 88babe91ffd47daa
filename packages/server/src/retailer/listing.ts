// Pure paging and filtering of the retailer's upload list (unit-tested in test/retailer-listing).
import type { KeyMode, RetailerUpload, RetailerUploadPage } from '@fittingroom/protocol';

/** What `GET /v1/retailer/uploads` asks for, parsed. */
export interface UploadQuery {
  readonly mode: KeyMode;
  readonly limit: number;
  /** Where the previous page stopped (its `nextCursor`). */
  readonly after: { readonly storedAt: string; readonly uploadId: string } | null;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly productId?: string | undefined;
  readonly status?: RetailerUpload['status'] | undefined;
}

/** The largest page. */
export const MAX_PAGE = 100;

/** Newest first; ties (same instant) by upload id, so paging is stable. */
function newestFirst(a: RetailerUpload, b: RetailerUpload): number {
  return b.storedAt.localeCompare(a.storedAt) || b.uploadId.localeCompare(a.uploadId);
}

/** An opaque cursor for the position after `upload`. */
export function cursorAfter(upload: RetailerUpload): string {
  return Buffer.from(`${upload.storedAt}|${upload.uploadId}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null when it is not one of ours. */
export function parseCursor(cursor: string): UploadQuery['after'] {
  const [storedAt, uploadId, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!storedAt || !uploadId || extra !== undefined || Number.isNaN(Date.parse(storedAt))) {
    return null;
  }
  return { storedAt, uploadId };
}

function matches(upload: RetailerUpload, query: UploadQuery): boolean {
  if ((upload.test === true) !== (query.mode === 'test')) return false; // modes never mix
  if (query.since !== undefined && upload.storedAt < query.since) return false;
  if (query.until !== undefined && upload.storedAt >= query.until) return false;
  if (query.productId !== undefined && upload.productId !== query.productId) return false;
  if (query.status !== undefined && upload.status !== query.status) return false;
  const after = query.after;
  if (after !== null) {
    const position = { storedAt: after.storedAt, uploadId: after.uploadId } as RetailerUpload;
    if (newestFirst(position, upload) >= 0) return false;
  }
  return true;
}

/** One page of `uploads` for `query`, newest first, with the cursor of the next page if any. */
export function selectPage(
  uploads: readonly RetailerUpload[],
  query: UploadQuery,
): RetailerUploadPage {
  const selected = uploads.filter((u) => matches(u, query)).sort(newestFirst);
  const page = selected.slice(0, query.limit);
  const last = page.at(-1);
  return selected.length > page.length && last
    ? { uploads: page, nextCursor: cursorAfter(last) }
    : { uploads: page };
}
