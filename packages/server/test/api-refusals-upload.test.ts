import { randomUUID } from 'node:crypto';
import { API, IDEMPOTENCY_KEY_HEADER, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../src/retention.js';
import { bothAdapters } from './support/adapters.js';
import { createHarness, type Harness, KEY, ORIGIN } from './support/harness.js';
import { fixture, IMAGES, makePng } from './support/images.js';
import { multipart } from './support/multipart.js';
import { makeReceipt } from './support/receipts.js';
import { expectError, refusalSubject } from './support/refusals.js';

const adapters = bothAdapters();

describe.each(adapters)(
  'refused uploads on the $name adapter: right 4xx, nothing kept',
  (adapter) => {
    let h: Harness;
    let token: string;
    let receiptId: string;
    let settle: () => Promise<void>;
    refusalSubject(adapter, (subject) => {
      ({ h, token, receiptId, settle } = subject);
    });

    it('missing consent receipt → 403 consent_missing', async () => {
      expectError(await h.upload({ token, receiptId: randomUUID() }), 403, 'consent_missing');
    });

    it('withdrawn consent → 403 consent_withdrawn', async () => {
      await h.app.inject({
        method: 'POST',
        url: API.consents,
        headers: { authorization: `Bearer ${token}` },
        payload: { kind: 'withdraw', receiptId, withdrawnAt: h.clock.time.toISOString() },
      });
      await settle();
      expectError(await h.upload({ token, receiptId }), 403, 'consent_withdrawn');
    });

    it('consent without the upload purpose → 403 consent_scope', async () => {
      const cameraOnly = await h.grant({ token, receipt: makeReceipt({ purposes: ['camera'] }) });
      await settle();
      expectError(
        await h.upload({ token, receiptId: cameraOnly.receipt.consentReceiptID }),
        403,
        'consent_scope',
      );
    });

    it('another policy version → 403 consent_version', async () => {
      expectError(
        await h.upload({ token, receiptId, policyVersion: '2099-01' }),
        403,
        'consent_version',
      );
    });

    it('expired consent → 403 consent_missing', async () => {
      h.clock.advance(400 * DAY_MS);
      expectError(await h.upload({ token, receiptId }), 403, 'consent_missing');
    });

    it('non-image bytes → 415 unsupported_media_type', async () => {
      const text = new TextEncoder().encode('<html><body>not an image</body></html>');
      expectError(await h.upload({ token, receiptId, image: text }), 415, 'unsupported_media_type');
    });

    it('truncated image → 422 image_undecodable', async () => {
      const jpeg = fixture(IMAGES.smallJpeg.file);
      expectError(
        await h.upload({ token, receiptId, image: jpeg.subarray(0, jpeg.length / 2) }),
        422,
        'image_undecodable',
      );
    });

    it('oversized image → 413 payload_too_large', async () => {
      const big = fixture(IMAGES.jpeg.file); // 28 KB against a 20 KB limit
      expectError(await h.upload({ token, receiptId, image: big }), 413, 'payload_too_large');
    });

    it('too many pixels → 422 image_too_large', async () => {
      expectError(
        await h.upload({ token, receiptId, image: makePng(4097, 8) }),
        422,
        'image_too_large',
      );
    });

    it('malformed or invalid metadata JSON → 400 invalid_metadata', async () => {
      expectError(
        await h.upload({ token, receiptId, metadata: '{"consentReceiptId":' }),
        400,
        'invalid_metadata',
      );
      expectError(
        await h.upload({ token, receiptId, metadata: { productId: '../../etc' } }),
        400,
        'invalid_metadata',
      );
      const res = await h.upload({ token, receiptId, metadata: { capturedAt: 'yesterday' } });
      expectError(res, 400, 'invalid_metadata');
      expect(res.json().error.message).toContain('capturedAt');
      const asField = await h.upload({
        token,
        receiptId,
        parts: [
          { name: 'metadata', data: 'not json' },
          { name: 'image', data: fixture(IMAGES.png.file), filename: 'a.png' },
        ],
      });
      expectError(asField, 400, 'invalid_metadata');
    });

    it('malformed, truncated or unexpected multipart → 400 invalid_request', async () => {
      const good = multipart([
        {
          name: 'metadata',
          data: JSON.stringify({
            consentReceiptId: receiptId,
            policyVersion: '2025-01',
            productId: 'p',
            capturedAt: h.clock.time.toISOString(),
          }),
        },
        { name: 'image', data: fixture(IMAGES.png.file), filename: 'a.png' },
      ]);
      const send = (payload: Buffer | string, contentType = good.contentType) =>
        h.app.inject({
          method: 'POST',
          url: API.uploads,
          headers: {
            'content-type': contentType,
            [PUBLISHABLE_KEY_HEADER]: KEY,
            [IDEMPOTENCY_KEY_HEADER]: `bad-${randomUUID()}`,
            authorization: `Bearer ${token}`,
            origin: ORIGIN,
          },
          payload,
        });
      expectError(
        await send(good.payload.subarray(0, good.payload.length - 300)),
        400,
        'invalid_request',
      );
      expectError(await send('this is not multipart at all'), 400, 'invalid_request');
      expectError(await send(good.payload, 'multipart/form-data'), 400, 'invalid_request'); // no boundary
      expectError(await send('{"a":1}', 'application/json'), 400, 'invalid_request');
      const extra = multipart([
        { name: 'metadata', data: '{}' },
        { name: 'image', data: fixture(IMAGES.png.file), filename: 'a.png' },
        { name: 'other', data: 'x' },
      ]);
      expectError(await send(extra.payload, extra.contentType), 400, 'invalid_request');
      const noImage = multipart([{ name: 'metadata', data: '{}' }]);
      expectError(await send(noImage.payload, noImage.contentType), 400, 'invalid_metadata');
    });

    it('missing image part → 400 invalid_request', async () => {
      const res = await h.upload({
        token,
        receiptId,
        parts: [
          {
            name: 'metadata',
            data: JSON.stringify({
              consentReceiptId: receiptId,
              policyVersion: '2025-01',
              productId: 'p',
              capturedAt: h.clock.time.toISOString(),
            }),
          },
        ],
      });
      expectError(res, 400, 'invalid_request');
    });

    it('missing or malformed Idempotency-Key → 400 invalid_request', async () => {
      expectError(
        await h.upload({ token, receiptId, headers: { [IDEMPOTENCY_KEY_HEADER]: undefined } }),
        400,
        'invalid_request',
      );
      expectError(
        await h.upload({ token, receiptId, idempotencyKey: '../../x' }),
        400,
        'invalid_request',
      );
    });

    it('replayed idempotency key with an image differing in one byte → 409 idempotency_conflict', async () => {
      const image = fixture(IMAGES.smallJpeg.file);
      const changed = new Uint8Array(image);
      // A byte inside the scan data (not a marker), so the image still passes the header check.
      const at = changed.length - 40;
      changed[at] = (changed[at] ?? 0) === 0x10 ? 0x11 : 0x10;
      const first = await h.upload({ token, receiptId, image, idempotencyKey: 'same-size-key' });
      expect(first.statusCode).toBe(201);
      await settle();
      const again = await h.upload({ token, receiptId, image, idempotencyKey: 'same-size-key' });
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expectError(
        await h.upload({ token, receiptId, image: changed, idempotencyKey: 'same-size-key' }),
        409,
        'idempotency_conflict',
      );
    });

    it('replayed idempotency key with another body → 409 idempotency_conflict', async () => {
      const first = await h.upload({ token, receiptId, idempotencyKey: 'replayed-key-1' });
      expect(first.statusCode).toBe(201);
      await settle();
      expectError(
        await h.upload({
          token,
          receiptId,
          idempotencyKey: 'replayed-key-1',
          metadata: { productId: 'other' },
        }),
        409,
        'idempotency_conflict',
      );
    });
  },
);
