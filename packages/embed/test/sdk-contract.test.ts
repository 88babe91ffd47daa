import { createTryOn, type TryOn, type TryOnEvents } from '@fittingroom/sdk';
import { expect, it } from 'vitest';
import { TRYON_EVENTS, type TryOnEventName, type TryOnHandle } from '../src/types.js';

// The loader describes the SDK instead of importing it; these checks fail to compile (and the
// test fails) when the SDK's contract drifts from what the loader relies on.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

it('the SDK try-on has every method the loader and pages call', () => {
  const handle = (tryOn: TryOn): TryOnHandle => tryOn;
  expect(typeof handle).toBe('function');
  expect(typeof createTryOn).toBe('function');
});

it('the loader forwards exactly the events the SDK emits', () => {
  const same: Same<TryOnEventName, keyof TryOnEvents> = true;
  expect(same).toBe(true);
  expect(new Set(TRYON_EVENTS).size).toBe(TRYON_EVENTS.length);
});
