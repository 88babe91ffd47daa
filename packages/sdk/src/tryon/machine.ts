import type { TryOnState } from './types.js';

/**
 * What can happen to a try-on session. The session (the imperative shell) reports each one with
 * `send`; {@link next} alone decides what state follows, so a late report (an upload finishing
 * after a withdrawal, a camera ending during a close) cannot revive a session.
 */
export type SessionEvent =
  /** The page called `open()`. */
  | 'open'
  /** Camera consent is given (now or earlier). */
  | 'consent-granted'
  /** The shopper refused camera consent. */
  | 'consent-refused'
  /** The shopper dismissed the dialog without deciding. */
  | 'consent-dismissed'
  /** The live pipeline (camera or photo, landmarker, overlay) runs. */
  | 'started'
  /** Starting failed; the view offers a retry in place. */
  | 'start-failed'
  /** The shopper asked to start again after a failure. */
  | 'retry'
  /** The shopper chose a photo (photo mode): the camera, if any, stops and the photo is used. */
  | 'photo-chosen'
  /** The device ended the camera while trying on. */
  | 'camera-lost'
  /** The device took the landmarker's WebGL context away: it is made again (then `started`). */
  | 'context-lost'
  /** `setProduct`: the live view draws another product (camera, worker and consent stay). */
  | 'product-changed'
  /** A still was taken and is under review. */
  | 'captured'
  /** Share began uploading the reviewed still. */
  | 'upload-started'
  /** The upload failed: the review keeps the still. */
  | 'upload-failed'
  /** Back to the live view: retake, discard, saved, shared or queued. */
  | 'resumed'
  /** The page or the shopper closed the try-on. */
  | 'close'
  /** The shopper withdrew consent: everything stops. */
  | 'withdraw';

type Row = Readonly<Partial<Record<SessionEvent, TryOnState>>>;

/** Leaving is possible from anywhere. */
const exits: Row = { close: 'closed', withdraw: 'closed' };

/**
 * The session's transition table: for each state, the events it accepts and the state that
 * follows. An event missing from a row is ignored in that state.
 */
export const TRANSITIONS: Readonly<Record<TryOnState, Row>> = {
  idle: { open: 'asking-consent', ...exits },
  'asking-consent': {
    'consent-granted': 'starting',
    'consent-refused': 'closed',
    'consent-dismissed': 'idle',
    ...exits,
  },
  starting: {
    started: 'live',
    'photo-chosen': 'starting',
    'start-failed': 'starting',
    retry: 'starting',
    ...exits,
  },
  live: {
    'product-changed': 'live', // elsewhere a switch waits until the session is live again
    captured: 'reviewing',
    'photo-chosen': 'starting',
    'camera-lost': 'starting',
    'context-lost': 'starting',
    ...exits,
  },
  reviewing: {
    'upload-started': 'uploading',
    resumed: 'live',
    'camera-lost': 'starting',
    ...exits,
  },
  uploading: {
    'upload-failed': 'reviewing',
    resumed: 'live',
    'camera-lost': 'starting',
    ...exits,
  },
  closed: { open: 'asking-consent', ...exits },
};

/** The state after `event` in `state`, or null when `state` ignores `event`. */
export function next(state: TryOnState, event: SessionEvent): TryOnState | null {
  return TRANSITIONS[state][event] ?? null;
}
