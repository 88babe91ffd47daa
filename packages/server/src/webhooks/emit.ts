import type { Erasure, KeyMode, WebhookEvent, WebhookEventType } from '@fittingroom/protocol';
import type { Context } from '../context.js';
import { type Endpoint, listEndpoints, newEvent, writeEntry } from './store.js';

/**
 * Queues `type` for every endpoint of `mode` that takes it: one outbox entry per endpoint,
 * written before the caller answers, so a crash after the answer still delivers it. Test and
 * live events never reach each other's endpoints. Returns the event (null: no endpoint wanted it).
 */
export async function emitEvent(
  ctx: Context,
  type: WebhookEventType,
  mode: KeyMode,
  data: WebhookEvent['data'],
): Promise<WebhookEvent | null> {
  const targets = (await listEndpoints(ctx)).filter(
    (e) => e.mode === mode && e.events.includes(type),
  );
  return targets.length === 0 ? null : queue(ctx, newEvent(ctx, type, mode, data), targets);
}

/** Queues a `test.ping` for one endpoint ("send test event"). */
export function emitPing(ctx: Context, endpoint: Endpoint): Promise<WebhookEvent> {
  const event = newEvent(ctx, 'test.ping', endpoint.mode, { endpointId: endpoint.id });
  return queue(ctx, event, [endpoint]);
}

async function queue(
  ctx: Context,
  event: WebhookEvent,
  targets: readonly Endpoint[],
): Promise<WebhookEvent> {
  for (const endpoint of targets) {
    await writeEntry(ctx, {
      endpointId: endpoint.id,
      event,
      attempts: 0,
      nextAttemptAt: event.createdAt,
    });
  }
  return event;
}

/**
 * Queues `subject.erased` with the ids the retailer must delete from its own systems, and who
 * asked (`shopper`, `retailer`, or `test_expiry`).
 */
export function emitErased(
  ctx: Context,
  erased: Erasure,
  by: 'shopper' | 'retailer' | 'test_expiry',
): Promise<WebhookEvent | null> {
  return emitEvent(ctx, 'subject.erased', erased.test ? 'test' : 'live', {
    subjectId: erased.subjectId,
    uploadIds: erased.uploadIds,
    receiptIds: erased.receiptIds,
    by,
  });
}
