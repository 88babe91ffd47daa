import * as v from 'valibot';
import { KEY_MODES } from './retailer.js';

const isoDate = v.pipe(v.string(), v.isoTimestamp());

/** Events a retailer endpoint can receive. */
export const WEBHOOK_EVENTS = [
  'upload.stored',
  'upload.deleted',
  'upload.expired',
  'subject.erased',
  'consent.withdrawn',
] as const;

/** One webhook event type. */
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Header of every delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'fittingroom-signature';

/** Header of every delivery: the event id (also in the body), for de-duplication. */
export const EVENT_ID_HEADER = 'fittingroom-event-id';

/** The body of a delivery. `data` holds ids only, never images or personal data. */
export const WebhookEventSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^evt_[0-9a-f]{32}$/)),
  type: v.picklist([...WEBHOOK_EVENTS, 'test.ping']),
  createdAt: isoDate,
  test: v.optional(v.literal(true)),
  data: v.record(v.string(), v.union([v.string(), v.array(v.string())])),
});

/** A webhook event as delivered. */
export type WebhookEvent = v.InferOutput<typeof WebhookEventSchema>;

/** `POST /v1/retailer/webhooks` body: where to send which events. */
export const WebhookEndpointInputSchema = v.object({
  url: v.pipe(v.string(), v.url(), v.maxLength(2000)),
  events: v.optional(v.pipe(v.array(v.picklist(WEBHOOK_EVENTS)), v.minLength(1))),
});

/** What registering an endpoint takes. */
export type WebhookEndpointInput = v.InferOutput<typeof WebhookEndpointInputSchema>;

/** A registered endpoint with its delivery status. `secret` only in the answer that created it. */
export const WebhookEndpointSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^we_[0-9a-f]{16}$/)),
  url: v.string(),
  events: v.array(v.picklist(WEBHOOK_EVENTS)),
  mode: v.picklist(KEY_MODES),
  source: v.picklist(['config', 'api']),
  secret: v.optional(v.string()),
  pending: v.pipe(v.number(), v.integer()),
  failed: v.pipe(v.number(), v.integer()),
  lastDeliveryAt: v.optional(isoDate),
  lastError: v.optional(v.string()),
});

/** A webhook endpoint as listed. */
export type WebhookEndpoint = v.InferOutput<typeof WebhookEndpointSchema>;
