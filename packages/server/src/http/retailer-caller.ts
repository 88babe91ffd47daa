import type { FastifyRequest } from 'fastify';
import type { RetailerCaller } from '../console/auth.js';

// Who a retailer request is, kept apart from the plugin that sets it so that the routes it
// registers can read it without importing the plugin (no import cycle).

/** Path prefix of the retailer API. */
export const RETAILER_PREFIX = '/v1/retailer';

const callers = new WeakMap<FastifyRequest, RetailerCaller>();

/** Records who this request is; called by the retailer plugin's hook, before any route. */
export function setCaller(request: FastifyRequest, caller: RetailerCaller): void {
  callers.set(request, caller);
}

/** Who this request is, or undefined before the plugin's hook has run. */
export function callerOf(request: FastifyRequest): RetailerCaller | undefined {
  return callers.get(request);
}

/** Who this request is (set by the plugin's hook before any route): its key id and mode. */
export function secretKeyOf(request: FastifyRequest): RetailerCaller {
  const caller = callers.get(request);
  if (!caller) throw new Error('retailer route outside the retailer plugin');
  return caller;
}
