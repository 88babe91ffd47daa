import { wrapAngle } from '../anchoring/geometry.js';

/**
 * One Euro filter tuning (Casiez, Roussel & Vogel, CHI 2012): a low-pass whose cutoff rises
 * with speed, so slow jitter is smoothed hard while fast moves keep little lag.
 */
export interface OneEuroParams {
  /** Cutoff (Hz) at rest: lower = smoother and laggier when still. */
  readonly minCutoff: number;
  /** Cutoff increase per unit/s of speed: higher = more responsive when moving. */
  readonly beta: number;
  /** Cutoff (Hz) of the speed estimate itself. */
  readonly dCutoff: number;
}

/** Filter memory between samples; `null` before the first one. */
export interface OneEuroState {
  readonly value: number;
  readonly derivative: number;
  readonly timeMs: number;
}

/** Result of one filter step. */
export interface OneEuroStep {
  readonly value: number;
  readonly state: OneEuroState;
}

/** Smoothing factor of a first-order low-pass with `cutoff` Hz over `dt` seconds. */
export function smoothingFactor(cutoff: number, dt: number): number {
  const tau = 1 / (2 * Math.PI * cutoff);
  return 1 / (1 + tau / dt);
}

/**
 * Filters one sample taken at `timeMs`. The first sample passes through unchanged; a sample
 * not later than the previous one changes nothing (it carries no speed information).
 * With `angle`, values are radians and the filter takes the short way round ±π.
 */
export function oneEuro(
  state: OneEuroState | null,
  sample: number,
  timeMs: number,
  params: OneEuroParams,
  angle = false,
): OneEuroStep {
  if (!state) {
    const value = angle ? wrapAngle(sample) : sample;
    return { value, state: { value, derivative: 0, timeMs } };
  }
  const dt = (timeMs - state.timeMs) / 1000;
  if (!(dt > 0)) return { value: state.value, state };
  const delta = angle ? wrapAngle(sample - state.value) : sample - state.value;
  const rawDerivative = delta / dt;
  const derivative =
    state.derivative + smoothingFactor(params.dCutoff, dt) * (rawDerivative - state.derivative);
  const cutoff = params.minCutoff + params.beta * Math.abs(derivative);
  const moved = state.value + smoothingFactor(cutoff, dt) * delta;
  const value = angle ? wrapAngle(moved) : moved;
  return { value, state: { value, derivative, timeMs } };
}
