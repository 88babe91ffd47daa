// Issue 11 item 8: the OpenAPI components are checked against the valibot schemas the server
// and the SDK actually run: each is converted to JSON Schema (@valibot/to-json-schema) and must
// equal the document's component, with $refs inlined and prose (descriptions) set aside.
import { readFileSync } from 'node:fs';
import * as protocol from '@fittingroom/protocol';
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const doc = parse(
  readFileSync(new URL('../../protocol/openapi.yaml', import.meta.url), 'utf8'),
) as {
  components: { schemas: Record<string, unknown> };
};

/** Inlines `$ref`s, drops prose and OpenAPI-only keywords; `type` beside `enum`/`const` is implied. */
function normalise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalise);
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  if (typeof record.$ref === 'string') {
    const name = record.$ref.replace('#/components/schemas/', '');
    return normalise(doc.components.schemas[name]);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (['description', 'discriminator', '$schema'].includes(key)) continue;
    if (key === 'type' && ('enum' in record || 'const' in record)) continue;
    out[key] = normalise(value);
  }
  return out;
}

const SCHEMAS: Record<string, v.GenericSchema> = {
  ApiError: protocol.ApiErrorSchema,
  Purpose: protocol.PurposeSchema,
  ConsentReceipt: protocol.ConsentReceiptSchema,
  ConsentSubmission: protocol.ConsentSubmissionSchema,
  ConsentAck: protocol.ConsentAckSchema,
  KeyInfo: protocol.KeyInfoSchema,
  UploadMetadata: protocol.UploadMetadataSchema,
  UploadResult: protocol.UploadResultSchema,
  ExportedUpload: protocol.ExportedUploadSchema,
  SubjectExport: protocol.SubjectExportSchema,
  RetailerUpload: protocol.RetailerUploadSchema,
  RetailerUploadPage: protocol.RetailerUploadPageSchema,
  RetailerSubject: protocol.RetailerSubjectSchema,
  Erasure: protocol.ErasureSchema,
  WebhookEvent: protocol.WebhookEventSchema,
  WebhookEndpointInput: protocol.WebhookEndpointInputSchema,
  WebhookEndpoint: protocol.WebhookEndpointSchema,
};

describe('openapi.yaml components equal the protocol schemas', () => {
  it.each(Object.entries(SCHEMAS))('%s', (name, schema) => {
    expect(doc.components.schemas[name], name).toBeDefined();
    expect(normalise(doc.components.schemas[name])).toEqual(
      normalise(toJsonSchema(schema, { errorMode: 'throw' })),
    );
  });
});
