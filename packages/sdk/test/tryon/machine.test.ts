import { describe, expect, it } from 'vitest';
import { next, type SessionEvent, TRANSITIONS } from '../../src/tryon/machine.js';
import type { TryOnState } from '../../src/tryon/types.js';

const STATES = Object.keys(TRANSITIONS) as TryOnState[];

/** Follows `events` from `start`, failing on the first one the table ignores. */
function walk(start: TryOnState, ...events: SessionEvent[]): TryOnState {
  return events.reduce<TryOnState>((state, event) => {
    const to = next(state, event);
    if (to === null) throw new Error(`${state} ignores ${event}`);
    return to;
  }, start);
}

describe('the try-on session table', () => {
  it('goes from idle through consent to live, review, upload and back', () => {
    expect(walk('idle', 'open', 'consent-granted', 'started')).toBe('live');
    expect(walk('live', 'captured', 'upload-started', 'resumed')).toBe('live');
    expect(walk('live', 'captured', 'resumed')).toBe('live');
  });

  it('closes on a refusal and goes back to idle on a dismissal', () => {
    expect(walk('idle', 'open', 'consent-refused')).toBe('closed');
    expect(walk('idle', 'open', 'consent-dismissed')).toBe('idle');
  });

  it('keeps the photo in review when an upload fails', () => {
    expect(walk('reviewing', 'upload-started', 'upload-failed')).toBe('reviewing');
  });

  it('starts again when the camera is lost while live, reviewing or uploading', () => {
    for (const state of ['live', 'reviewing', 'uploading'] as const) {
      expect(next(state, 'camera-lost')).toBe('starting');
    }
    expect(walk('starting', 'start-failed', 'retry', 'started')).toBe('live');
  });

  it('a lost landmarker context restarts a live session; a review goes on undisturbed', () => {
    expect(walk('live', 'context-lost', 'started')).toBe('live');
    expect(walk('live', 'context-lost', 'start-failed', 'retry', 'started')).toBe('live');
    expect(next('reviewing', 'context-lost')).toBeNull();
    expect(next('uploading', 'context-lost')).toBeNull();
    expect(next('closed', 'context-lost')).toBeNull();
  });

  it('a chosen photo restarts from the camera or a photo, never during a review', () => {
    expect(walk('starting', 'start-failed', 'photo-chosen', 'started')).toBe('live');
    expect(walk('live', 'photo-chosen', 'started', 'captured', 'resumed')).toBe('live');
    for (const state of ['idle', 'asking-consent', 'reviewing', 'uploading', 'closed'] as const) {
      expect(next(state, 'photo-chosen')).toBeNull();
    }
  });

  it('can close and withdraw from every state', () => {
    for (const state of STATES) {
      expect(next(state, 'close')).toBe('closed');
      expect(next(state, 'withdraw')).toBe('closed');
    }
  });

  it('ignores what arrives after the end: nothing revives a closed session but open', () => {
    const late: SessionEvent[] = [
      'started',
      'start-failed',
      'camera-lost',
      'captured',
      'upload-started',
      'upload-failed',
      'resumed',
      'consent-granted',
    ];
    for (const event of late) expect(next('closed', event)).toBeNull();
    expect(next('closed', 'open')).toBe('asking-consent');
  });

  it('captures only while live and opens only when idle or closed', () => {
    for (const state of STATES) {
      expect(next(state, 'captured') !== null).toBe(state === 'live');
      expect(next(state, 'open') !== null).toBe(state === 'idle' || state === 'closed');
    }
  });

  it('switches products only while live, and stays live (the camera and worker go on)', () => {
    for (const state of STATES) {
      expect(next(state, 'product-changed')).toBe(state === 'live' ? 'live' : null);
    }
  });

  it('never lets an upload end move a session that is not uploading', () => {
    for (const state of STATES.filter((s) => s !== 'uploading')) {
      expect(next(state, 'upload-failed')).toBeNull();
    }
  });
});
