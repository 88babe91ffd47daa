import { HIDDEN } from '../anchoring/placement.js';
import type { Placement } from '../anchoring/types.js';
import { ConfigError } from '../errors.js';
import { type OneEuroParams, type OneEuroState, oneEuro } from './one-euro.js';

/** Tuning of {@link smoothPlacements}: one filter per channel, plus the lost-target grace. */
export interface SmoothingParams {
  /** x and y, in view pixels (speed in px/s). */
  readonly position: OneEuroParams;
  /** Radians (speed in rad/s); filtered the short way round ±π. */
  readonly rotation: OneEuroParams;
  /** Filtered as ln(scale), so speed is relative growth per second. */
  readonly scale: OneEuroParams;
  /** A lost target keeps its last placement this long, so one missed frame does not flicker. */
  readonly hideAfterMs: number;
}

/**
 * Starting points found by the One Euro tuning recipe on 30 fps webcam landmarks: lower
 * `minCutoff` until resting jitter is gone, then raise `beta` until fast moves stop lagging.
 */
export const DEFAULT_SMOOTHING: SmoothingParams = {
  position: { minCutoff: 1.5, beta: 0.01, dCutoff: 1 },
  rotation: { minCutoff: 1, beta: 0.3, dCutoff: 1 },
  scale: { minCutoff: 1, beta: 1, dCutoff: 1 },
  hideAfterMs: 150,
};

interface Track {
  readonly x: OneEuroState;
  readonly y: OneEuroState;
  readonly rotation: OneEuroState;
  readonly logScale: OneEuroState;
  readonly lastSeenMs: number;
  readonly output: Placement;
}

/** Memory of {@link smoothPlacements}: one track per placement slot. */
export type SmootherState = readonly (Track | null)[];

/** Result of one smoothing step. */
export interface SmoothStep {
  readonly state: SmootherState;
  readonly placements: Placement[];
}

function follow(track: Track | null, p: Placement, timeMs: number, params: SmoothingParams): Track {
  const x = oneEuro(track?.x ?? null, p.x, timeMs, params.position);
  const y = oneEuro(track?.y ?? null, p.y, timeMs, params.position);
  const r = oneEuro(track?.rotation ?? null, p.rotation, timeMs, params.rotation, true);
  const s = oneEuro(track?.logScale ?? null, Math.log(p.scale), timeMs, params.scale);
  return {
    x: x.state,
    y: y.state,
    rotation: r.state,
    logScale: s.state,
    lastSeenMs: timeMs,
    // A fresh track shows the input as is (exp(ln s) is not always exactly s).
    output: track
      ? { x: x.value, y: y.value, rotation: r.value, scale: Math.exp(s.value), visible: true }
      : { ...p, rotation: r.value, visible: true },
  };
}

/**
 * Smooths placements slot by slot. A slot that turns hidden keeps its last output for
 * `hideAfterMs`, then hides and forgets its filter, so a re-found target starts where it is
 * rather than gliding in from where it was lost. A change in slot count or time running
 * backwards starts afresh.
 */
export function smoothPlacements(
  state: SmootherState,
  placements: readonly Placement[],
  timeMs: number,
  params: SmoothingParams = DEFAULT_SMOOTHING,
): SmoothStep {
  const sameSlots = state.length === placements.length;
  const nextState: (Track | null)[] = [];
  const out: Placement[] = [];
  placements.forEach((p, i) => {
    let track = sameSlots ? (state[i] ?? null) : null;
    if (track && timeMs < track.lastSeenMs) track = null;
    if (p.visible && p.scale > 0) {
      track = follow(track, p, timeMs, params);
    } else if (!track || timeMs - track.lastSeenMs >= params.hideAfterMs) {
      track = null;
    }
    nextState.push(track);
    out.push(track ? track.output : HIDDEN);
  });
  return { state: nextState, placements: out };
}

/** A stateful smoother for one product's placements. */
export interface PlacementSmoother {
  /** Smooths this frame's placements taken at `timeMs` (the frame's timestamp). */
  update(placements: readonly Placement[], timeMs: number): Placement[];
  /** Forgets everything (product switched, camera restarted). */
  reset(): void;
}

/** Options of {@link createPlacementSmoother}; anything left out takes its default. */
export type SmoothingOptions = Partial<SmoothingParams>;

/**
 * Creates a smoother. Throws a {@link ConfigError} naming the field when a tuning value is not
 * a positive number (`beta` and `hideAfterMs` may be 0).
 */
export function createPlacementSmoother(
  options: SmoothingOptions = {},
  field = 'smoothing',
): PlacementSmoother {
  const params: SmoothingParams = { ...DEFAULT_SMOOTHING, ...options };
  checkParams(params, field);
  let state: SmootherState = [];
  return {
    update(placements, timeMs) {
      const step = smoothPlacements(state, placements, timeMs, params);
      state = step.state;
      return step.placements;
    },
    reset() {
      state = [];
    },
  };
}

function checkParams(params: SmoothingParams, field: string): void {
  const positive = (value: number, name: string, allowZero = false) => {
    if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
      throw new ConfigError(
        `${field}.${name}`,
        `must be a ${allowZero ? 'non-negative' : 'positive'} number`,
      );
    }
  };
  for (const channel of ['position', 'rotation', 'scale'] as const) {
    positive(params[channel].minCutoff, `${channel}.minCutoff`);
    positive(params[channel].beta, `${channel}.beta`, true);
    positive(params[channel].dCutoff, `${channel}.dCutoff`);
  }
  positive(params.hideAfterMs, 'hideAfterMs', true);
}
