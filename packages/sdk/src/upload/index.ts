// `@fittingroom/sdk/upload`: the upload client and its parts (transports, store, retry policy).
export {
  createUploadClient,
  type ResumeSummary,
  type UploadClient,
  type UploadClientEvents,
} from './client.js';
export type { OnlineEvents, UploadClientOptions } from './config.js';
export type { ErasureRequest } from './erasure.js';
export {
  isUploadError,
  UPLOAD_ERROR_CODES,
  UploadError,
  type UploadErrorCode,
} from './errors.js';
export type { UploadMeta } from './input.js';
export { createIdbStore, type IdbStoreOptions, type KeyValueStore } from './kv-store.js';
export type { RetryEvent } from './retry-loop.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, type RetryReason } from './retry-policy.js';
export {
  createFetchTransport,
  type TransferProgress,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './transport.js';
export type { Upload, UploadEvents, UploadOutcome } from './upload.js';
export { createXhrTransport } from './xhr-transport.js';
