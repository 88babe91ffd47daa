// Endpoints and the outbox, kept on the storage adapter so deliveries survive a restart.
import { createHash } from 'node:crypto';
import {
  type KeyMode,
  WEBHOOK_EVENTS,
  type WebhookEndpoint,
  type WebhookEvent,
  type WebhookEventType,
} from '@fittingroom/protocol';
import * as v from 'valibot';
import type { Context } from '../context.js';
import { decrypt, seal } from '../crypto.js';
import { readDoc, writeDoc } from '../records/docs.js';

/** Storage layout of webhooks (beside records/keys.ts). */
export const WEBHOOK_KEYS = {
  endpoints: 'webhooks/endpoints/',
  endpoint: (id: string) => `webhooks/endpoints/${id}.json`,
  outbox: 'webhooks/outbox/',
  entry: (endpointId: string, eventId: string) => `webhooks/outbox/${endpointId}/${eventId}.json`,
  status: (endpointId: string) => `webhooks/status/${endpointId}.json`,
} as const;

const iso = v.pipe(v.string(), v.isoTimestamp());
const events = v.array(v.picklist(WEBHOOK_EVENTS));

/** An endpoint registered through the API; its secret sealed with the data key. */
const StoredEndpointSchema = v.object({
  id: v.string(),
  url: v.string(),
  events,
  mode: v.picklist(['live', 'test']),
  createdAt: iso,
  sealedSecret: v.string(),
});

/** One delivery waiting in the outbox. */
export const OutboxEntrySchema = v.object({
  endpointId: v.string(),
  event: v.object({
    id: v.string(),
    type: v.string(),
    createdAt: iso,
    test: v.optional(v.literal(true)),
    data: v.record(v.string(), v.union([v.string(), v.array(v.string())])),
  }),
  attempts: v.number(),
  nextAttemptAt: iso,
  lastError: v.optional(v.string()),
});

/** An outbox entry. */
export type OutboxEntry = v.InferOutput<typeof OutboxEntrySchema>;

const StatusSchema = v.object({
  failed: v.number(),
  lastDeliveryAt: v.optional(iso),
  lastError: v.optional(v.string()),
});

/** An endpoint with what signing needs. */
export interface Endpoint {
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  readonly mode: KeyMode;
  readonly source: 'config' | 'api';
  readonly secret: string;
}

/** The id of a configured endpoint: stable across restarts, from its mode and URL. */
export function configuredEndpointId(mode: KeyMode, url: string): string {
  return `we_${createHash('sha256').update(`${mode} ${url}`).digest('hex').slice(0, 16)}`;
}

/** How long this process trusts its copy of the registered endpoints (others may add some). */
const ENDPOINT_CACHE_MS = 5000;
const endpointCache = new WeakMap<object, { at: number; endpoints: Promise<Endpoint[]> }>();

/**
 * Every endpoint, configured ones first. Read from storage at most every 5 s per process (every
 * upload asks), and at once after this process adds or removes one.
 */
export async function listEndpoints(ctx: Context): Promise<Endpoint[]> {
  const { endpoints, secret } = ctx.config.retailer.webhooks;
  const configured: Endpoint[] = endpoints.map((e) => ({
    ...e,
    id: configuredEndpointId(e.mode, e.url),
    source: 'config',
    secret: secret ?? '',
  }));
  let cached = endpointCache.get(ctx.storage);
  if (!cached || Date.now() - cached.at >= ENDPOINT_CACHE_MS) {
    cached = { at: Date.now(), endpoints: readRegistered(ctx) };
    endpointCache.set(ctx.storage, cached);
    cached.endpoints.catch(() => endpointCache.delete(ctx.storage));
  }
  return [...configured, ...(await cached.endpoints)];
}

async function readRegistered(ctx: Context): Promise<Endpoint[]> {
  const out: Endpoint[] = [];
  for (const item of await ctx.storage.list(WEBHOOK_KEYS.endpoints)) {
    const doc = await readDoc(ctx, item.key, StoredEndpointSchema);
    if (!doc) continue;
    const plain = decrypt(ctx.ring.lookup, Buffer.from(doc.sealedSecret, 'base64'), item.key);
    out.push({ ...doc, source: 'api', secret: Buffer.from(plain).toString('utf8') });
  }
  return out;
}

/** Registers an endpoint of `mode`; answers it with its new signing secret (shown once). */
export async function addEndpoint(
  ctx: Context,
  input: { url: string; events?: readonly WebhookEventType[] | undefined },
  mode: KeyMode,
): Promise<Endpoint> {
  const id = `we_${Buffer.from(ctx.random(8)).toString('hex')}`;
  const secret = `whsec_${Buffer.from(ctx.random(24)).toString('base64url')}`;
  const key = WEBHOOK_KEYS.endpoint(id);
  const sealed = Buffer.concat(
    seal(ctx.keys.data, Buffer.from(secret, 'utf8'), key, ctx.random(12), ctx.keys.keyId),
  );
  const chosen = [...(input.events ?? WEBHOOK_EVENTS)];
  await writeDoc(ctx, key, {
    id,
    url: input.url,
    events: chosen,
    mode,
    createdAt: ctx.now().toISOString(),
    sealedSecret: sealed.toString('base64'),
  });
  endpointCache.delete(ctx.storage);
  return { id, url: input.url, events: chosen, mode, source: 'api', secret };
}

/** Removes an API endpoint and its pending deliveries; false when there was none. */
export async function removeEndpoint(ctx: Context, id: string): Promise<boolean> {
  const key = WEBHOOK_KEYS.endpoint(id);
  if ((await ctx.storage.get(key)) === null) return false;
  for (const item of await ctx.storage.list(`${WEBHOOK_KEYS.outbox}${id}/`)) {
    await ctx.storage.delete(item.key);
  }
  await ctx.storage.delete(WEBHOOK_KEYS.status(id));
  await ctx.storage.delete(key);
  endpointCache.delete(ctx.storage);
  return true;
}

/** Every pending delivery. */
export async function listOutbox(ctx: Context, endpointId?: string): Promise<OutboxEntry[]> {
  const prefix = endpointId ? `${WEBHOOK_KEYS.outbox}${endpointId}/` : WEBHOOK_KEYS.outbox;
  const out: OutboxEntry[] = [];
  for (const item of await ctx.storage.list(prefix)) {
    const entry = await readDoc(ctx, item.key, OutboxEntrySchema);
    if (entry) out.push(entry);
  }
  return out.sort((a, b) => a.event.createdAt.localeCompare(b.event.createdAt));
}

/** Puts one delivery in the outbox (or back, after a failed attempt). */
export function writeEntry(ctx: Context, entry: OutboxEntry): Promise<void> {
  return writeDoc(ctx, WEBHOOK_KEYS.entry(entry.endpointId, entry.event.id), entry);
}

/** Takes a delivered (or abandoned) entry out. */
export function dropEntry(ctx: Context, entry: OutboxEntry): Promise<void> {
  return ctx.storage.delete(WEBHOOK_KEYS.entry(entry.endpointId, entry.event.id));
}

/** Records an endpoint's last delivery or error. */
export async function noteStatus(
  ctx: Context,
  endpointId: string,
  change: { delivered?: string; error?: string; abandoned?: boolean },
): Promise<void> {
  const key = WEBHOOK_KEYS.status(endpointId);
  const old = (await readDoc(ctx, key, StatusSchema)) ?? { failed: 0 };
  await writeDoc(ctx, key, {
    failed: old.failed + (change.abandoned ? 1 : 0),
    lastDeliveryAt: change.delivered ?? old.lastDeliveryAt,
    lastError: change.delivered ? undefined : (change.error ?? old.lastError),
  });
}

/** An endpoint as the API and console list it: no secret, with its delivery status. */
export async function describeEndpoint(ctx: Context, endpoint: Endpoint): Promise<WebhookEndpoint> {
  const status = await readDoc(ctx, WEBHOOK_KEYS.status(endpoint.id), StatusSchema);
  const pending = (await ctx.storage.list(`${WEBHOOK_KEYS.outbox}${endpoint.id}/`)).length;
  const { secret: _secret, ...rest } = endpoint;
  return {
    ...rest,
    events: [...endpoint.events],
    pending,
    failed: status?.failed ?? 0,
    ...(status?.lastDeliveryAt ? { lastDeliveryAt: status.lastDeliveryAt } : {}),
    ...(status?.lastError ? { lastError: status.lastError } : {}),
  };
}

/** A new event (id `evt_` + 32 hex). */
export function newEvent(
  ctx: Context,
  type: WebhookEvent['type'],
  mode: KeyMode,
  data: WebhookEvent['data'],
): WebhookEvent {
  return {
    id: `evt_${Buffer.from(ctx.random(16)).toString('hex')}`,
    type,
    createdAt: ctx.now().toISOString(),
    ...(mode === 'test' ? { test: true } : {}),
    data,
  };
}
