import { EVENT_ID_HEADER, SIGNATURE_HEADER } from '@fittingroom/protocol';
import type { Context } from '../context.js';
import { nextAttemptAt } from './schedule.js';
import {
  dropEntry,
  type Endpoint,
  listEndpoints,
  listOutbox,
  noteStatus,
  type OutboxEntry,
  writeEntry,
} from './store.js';
import { signatureHeader } from './verify.js';

/** Sends one signed request; resolves to the HTTP status, or rejects on a network error. */
export type Post = (url: string, body: string, headers: Record<string, string>) => Promise<number>;

/** Longest wait for a receiver's answer. */
const DELIVERY_TIMEOUT_MS = 10_000;

/** POST with fetch: no redirects followed (a redirect is a failure), a 10 s limit. */
export const fetchPost: Post = async (url, body, headers) => {
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  });
  await res.body?.cancel();
  return res.status;
};

/** What one pass of {@link deliverDue} did. */
export interface DeliveryReport {
  readonly delivered: number;
  readonly retried: number;
  readonly abandoned: number;
}

async function attempt(
  ctx: Context,
  entry: OutboxEntry,
  endpoint: Endpoint,
  post: Post,
): Promise<'delivered' | 'retried' | 'abandoned'> {
  const body = JSON.stringify(entry.event);
  const timestamp = Math.floor(ctx.now().getTime() / 1000);
  let error: string;
  try {
    const status = await post(endpoint.url, body, {
      'content-type': 'application/json',
      'user-agent': 'fittingroom-webhooks/1',
      [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, timestamp, body),
      [EVENT_ID_HEADER]: entry.event.id,
    });
    if (status >= 200 && status < 300) {
      await dropEntry(ctx, entry);
      await noteStatus(ctx, endpoint.id, { delivered: ctx.now().toISOString() });
      await ctx.audit.record({
        type: 'webhook_delivered',
        detail: { endpoint: endpoint.id, event: entry.event.id, kind: entry.event.type, status },
      });
      return 'delivered';
    }
    error = `HTTP ${status}`;
  } catch (failure) {
    error = failure instanceof Error ? failure.name : 'network error';
  }
  const attempts = entry.attempts + 1;
  const next = nextAttemptAt(attempts, ctx.now());
  const detail = { endpoint: endpoint.id, event: entry.event.id, attempts, error };
  if (next === null) {
    await dropEntry(ctx, entry);
    await noteStatus(ctx, endpoint.id, { error, abandoned: true });
    await ctx.audit.record({ type: 'webhook_abandoned', detail });
    return 'abandoned';
  }
  await writeEntry(ctx, {
    ...entry,
    attempts,
    nextAttemptAt: next.toISOString(),
    lastError: error,
  });
  await noteStatus(ctx, endpoint.id, { error });
  await ctx.audit.record({ type: 'webhook_retry', detail });
  return 'retried';
}

/**
 * Sends every outbox entry that is due, oldest first, one at a time per process (a lock), and
 * reschedules failures by the backoff of schedule.ts. An entry whose endpoint was removed is
 * dropped. Called by the delivery loop (server.ts) and, to send at once, after a test event.
 */
export async function deliverDue(ctx: Context, post: Post = fetchPost): Promise<DeliveryReport> {
  return ctx.coordination.withLock('webhooks:deliver', async () => {
    const counts = { delivered: 0, retried: 0, abandoned: 0 };
    const endpoints = new Map((await listEndpoints(ctx)).map((e) => [e.id, e]));
    const now = ctx.now().getTime();
    for (const entry of await listOutbox(ctx)) {
      if (Date.parse(entry.nextAttemptAt) > now) continue;
      const endpoint = endpoints.get(entry.endpointId);
      if (!endpoint) {
        await dropEntry(ctx, entry);
        continue;
      }
      counts[await attempt(ctx, entry, endpoint, post)] += 1;
    }
    return counts;
  });
}
