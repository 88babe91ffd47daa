import {
  type ConsentReceipt,
  ConsentReceiptSchema,
  IMAGE_TYPES,
  type ImageType,
  type UploadMetadata,
  UploadMetadataSchema,
} from '@fittingroom/protocol';
import * as v from 'valibot';

/** Everything a queued upload needs to be sent later, as encrypted at rest. */
export interface QueuedPayload {
  readonly metadata: UploadMetadata;
  /** The receipt the upload relies on, so it can be registered after a reload. */
  readonly receipt: ConsentReceipt;
  readonly contentType: ImageType;
  readonly image: Uint8Array<ArrayBuffer>;
}

const HeaderSchema = v.object({
  metadata: UploadMetadataSchema,
  receipt: ConsentReceiptSchema,
  contentType: v.picklist(IMAGE_TYPES),
});

const LENGTH_BYTES = 4;

/**
 * Serialises a payload as `[u32 header length][header JSON][image bytes]`, so the image is
 * stored as raw bytes (no base64 bloat) next to its metadata in one ciphertext.
 */
export function encodePayload(payload: QueuedPayload): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(
    JSON.stringify({
      metadata: payload.metadata,
      receipt: payload.receipt,
      contentType: payload.contentType,
    }),
  );
  const out = new Uint8Array(LENGTH_BYTES + header.byteLength + payload.image.byteLength);
  new DataView(out.buffer).setUint32(0, header.byteLength);
  out.set(header, LENGTH_BYTES);
  out.set(payload.image, LENGTH_BYTES + header.byteLength);
  return out;
}

/** Inverse of {@link encodePayload}; throws on anything malformed (then the item is dropped). */
export function decodePayload(bytes: Uint8Array): QueuedPayload {
  if (bytes.byteLength < LENGTH_BYTES) throw new Error('queued payload too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0);
  const imageStart = LENGTH_BYTES + headerLength;
  if (imageStart > bytes.byteLength) throw new Error('queued payload header overruns');
  const json: unknown = JSON.parse(
    new TextDecoder().decode(bytes.subarray(LENGTH_BYTES, imageStart)),
  );
  const header = v.parse(HeaderSchema, json);
  return { ...header, image: bytes.slice(imageStart) };
}
