import { API, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import type { LightMyRequestResponse } from 'fastify';
import type { Harness } from './harness.js';

/** Keys of both modes for retailer tests (the harness's own key stays live, as before modes). */
export const LIVE_SK = 'sk_live_retailer_backend_0001';
export const LIVE_SK_2 = 'sk_live_retailer_backend_0002';
export const TEST_PK = 'pk_test_mode_shop01';
export const TEST_SK = 'sk_test_retailer_backend_01';

/** Env giving the harness those keys. */
export const RETAILER_ENV = {
  FR_LIVE_KEYS: `${LIVE_SK},${LIVE_SK_2}`,
  FR_TEST_KEYS: `${TEST_PK},${TEST_SK}`,
};

/** Calls the retailer API as a retailer's server (no Origin) with `key`. */
export function retailer(
  h: Harness,
  key: string,
  method: 'GET' | 'DELETE' | 'POST',
  url: string,
  options: { headers?: Record<string, string>; payload?: unknown } = {},
): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${key}`, ...options.headers },
    ...(options.payload === undefined ? {} : { payload: options.payload as object }),
  });
}

/** A subject granted and one upload stored under publishable key `pk`. */
export async function sharedPhoto(
  h: Harness,
  pk: string,
  productId = 'ring-42',
): Promise<{ token: string; subjectId: string; receiptId: string; uploadId: string }> {
  const headers = { [PUBLISHABLE_KEY_HEADER]: pk };
  const { res, receipt } = await h.grant({ headers });
  if (res.statusCode !== 201) throw new Error(`grant: ${res.statusCode} ${res.body}`);
  const ack = res.json<{ subjectToken: string; subjectId: string }>();
  const up = await h.upload({
    token: ack.subjectToken,
    receiptId: receipt.consentReceiptID,
    headers,
    metadata: { productId },
  });
  if (up.statusCode !== 201) throw new Error(`upload: ${up.statusCode} ${up.body}`);
  return {
    token: ack.subjectToken,
    subjectId: ack.subjectId,
    receiptId: receipt.consentReceiptID,
    uploadId: up.json<{ uploadId: string }>().uploadId,
  };
}

/** The shopper's export with their token (as the SDK asks for it). */
export function shopperExport(h: Harness, token: string): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: 'GET',
    url: API.subjectExport,
    headers: { authorization: `Bearer ${token}` },
  });
}
