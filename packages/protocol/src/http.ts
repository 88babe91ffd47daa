/** Header carrying the retailer's publishable key. */
export const PUBLISHABLE_KEY_HEADER = 'x-fittingroom-key';

/** Header carrying the client's idempotency key for uploads. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Header marking a request from the privacy console page (same origin as the server only). */
export const CONSOLE_HEADER = 'x-fittingroom-console';

/** Header choosing the mode (`live` or `test`) a console signed in with the password looks at. */
export const CONSOLE_MODE_HEADER = 'x-fittingroom-mode';

/** Path prefix of every versioned API route (health checks live outside it). */
export const API_PREFIX = '/v1';

/** API paths, shared so client and server cannot drift. */
export const API = {
  consents: '/v1/consents',
  uploads: '/v1/uploads',
  upload: (id: string) => `/v1/uploads/${encodeURIComponent(id)}`,
  uploadImage: (id: string) => `/v1/uploads/${encodeURIComponent(id)}/image`,
  subjectExport: '/v1/subjects/me/export',
  subject: '/v1/subjects/me',
  retailerUploads: '/v1/retailer/uploads',
  retailerUpload: (id: string) => `/v1/retailer/uploads/${encodeURIComponent(id)}`,
  retailerUploadImage: (id: string) => `/v1/retailer/uploads/${encodeURIComponent(id)}/image`,
  retailerSubject: (receiptId: string) =>
    `/v1/retailer/subjects/by-receipt/${encodeURIComponent(receiptId)}`,
  retailerWebhooks: '/v1/retailer/webhooks',
  retailerWebhook: (id: string) => `/v1/retailer/webhooks/${encodeURIComponent(id)}`,
  retailerWebhookTest: (id: string) => `/v1/retailer/webhooks/${encodeURIComponent(id)}/test`,
  /** Who the caller is (key id, mode): the privacy console's sign-in check. */
  retailerSession: '/v1/retailer/session',
  /** The audit log's newest events and the verdict on its hash chain. */
  retailerAudit: '/v1/retailer/audit',
  policy: '/v1/policy',
  /** The mode of the publishable key sent (`GET`): what the try-on's test-mode badge shows. */
  key: '/v1/key',
  health: '/healthz',
  ready: '/readyz',
} as const;

/** Multipart field names of `POST /v1/uploads`. */
export const UPLOAD_FIELDS = { image: 'image', metadata: 'metadata' } as const;
