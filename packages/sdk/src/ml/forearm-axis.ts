import { handSkin, type Pixels } from './forearm.js';
import type { Landmark } from './types.js';

/** A unit vector in the frame's pixel units (x right, y down). */
export interface Direction {
  readonly x: number;
  readonly y: number;
}

/** Cross-sections of the forearm are taken this far behind landmark 0, in palm lengths. */
const ROWS = [-0.1, -0.175, -0.25, -0.325, -0.4, -0.475, -0.55] as const;

/** Each cross-section is scanned this far to either side of the palm's axis, in palm lengths. */
const REACH = 0.9;
const STEP = 0.05;

/** Fewest cross-sections whose two edges were both seen, for an axis to be trusted. */
export const MIN_FOREARM_ROWS = 3;

/** Largest angle between the forearm and the palm's axis believed (a wrist bends ~30° sideways). */
export const MAX_FOREARM_BEND_RAD = (40 * Math.PI) / 180;

/**
 * Where one cross-section's skin run, the one through (or nearest to) the palm's axis, is
 * centred, in palm lengths across; null when no run is there or an edge is not seen (the run
 * reaches the scan's end or the image's, so its middle is unknown). Edges are refined by
 * bisection to a sixteenth of a step.
 */
export function runCentre(isSkinAt: (across: number) => boolean | null): number | null {
  let start: number | null = null;
  for (let k = 0; k * STEP <= 0.3 && start === null; k++) {
    for (const s of k === 0 ? [0] : [k * STEP, -k * STEP]) {
      if (isSkinAt(s) === true) {
        start = s;
        break;
      }
    }
  }
  if (start === null) return null;
  const edge = (sign: 1 | -1): number | null => {
    let inside = start as number;
    for (;;) {
      const next = inside + sign * STEP;
      if (Math.abs(next) > REACH) return null;
      const skin = isSkinAt(next);
      if (skin === null) return null;
      if (!skin) {
        let lo = inside;
        let hi = next;
        for (let i = 0; i < 4; i++) {
          const mid = (lo + hi) / 2;
          if (isSkinAt(mid) === true) lo = mid;
          else hi = mid;
        }
        return (lo + hi) / 2;
      }
      inside = next;
    }
  };
  const a = edge(1);
  const b = edge(-1);
  return a === null || b === null ? null : (a + b) / 2;
}

type Centre = readonly [along: number, across: number];

/** The least-squares line through `centres`: its slope and a point on it (their mean). */
function fitLine(centres: readonly Centre[]): { slope: number; through: Centre } | null {
  const n = centres.length;
  const ma = centres.reduce((s, c) => s + c[0], 0) / n;
  const mc = centres.reduce((s, c) => s + c[1], 0) / n;
  let saa = 0;
  let sac = 0;
  for (const [a, c] of centres) {
    saa += (a - ma) ** 2;
    sac += (a - ma) * (c - mc);
  }
  return saa > 1e-9 ? { slope: sac / saa, through: [ma, mc] } : null;
}

/**
 * Slope (across per along) of the least-squares line through cross-section centres; null for
 * fewer than {@link MIN_FOREARM_ROWS} or centres all at one `along`.
 */
export function fitSlope(centres: readonly Centre[]): number | null {
  return centres.length < MIN_FOREARM_ROWS ? null : (fitLine(centres)?.slope ?? null);
}

/**
 * Farthest a cross-section's centre may lie from the line through the others, in palm lengths
 * across (≈ 2.7 mm on a 90 mm palm), or {@link CENTRE_OFF_LINE_PX} sample pixels where those are
 * more. A skin run that takes in something skin-coloured beside the arm (the other arm, a hand
 * behind it) moves its centre 0.1–0.2 (seen in the bench's frames), several times this.
 */
export const MAX_CENTRE_OFF_LINE = 0.03;

/**
 * The same limit in pixels of the sampled frame: an edge is found to within half a pixel, so
 * a small hand's centres are that coarse.
 */
export const CENTRE_OFF_LINE_PX = 0.75;

/** Most cross-sections {@link consensusSlope} takes (it tries every subset). */
const MAX_CONSENSUS_ROWS = 12;

/**
 * Slope (across per along) of the line the cross-section centres agree on, dropping the rows
 * whose skin run took in something beside the arm. The centres must split cleanly: the ones
 * kept all within `limit` (palm lengths across) of their least-squares line, every one dropped
 * more than twice that from it (a row just past the limit means the rows do not agree on one
 * line: two groups bridged by a tilted line look like that). Of the clean splits, the one
 * keeping most rows (ties: the smallest largest distance). Null unless it keeps at least
 * {@link MIN_FOREARM_ROWS} and more than half of the rows: no clear majority, no axis.
 */
export function consensusSlope(
  centres: readonly Centre[],
  limit: number = MAX_CENTRE_OFF_LINE,
): number | null {
  const n = centres.length;
  if (n > MAX_CONSENSUS_ROWS) return null;
  let best: { slope: number; kept: number; worst: number } | null = null;
  for (let mask = 1; mask < 1 << n; mask++) {
    const kept = centres.filter((_, i) => (mask >> i) & 1);
    if (kept.length < MIN_FOREARM_ROWS || 2 * kept.length <= n) continue;
    if (best && kept.length < best.kept) continue;
    const line = fitLine(kept);
    if (!line) continue;
    const { slope, through } = line;
    const off = centres.map((c) => Math.abs(c[1] - through[1] - slope * (c[0] - through[0])));
    const worst = Math.max(...off.filter((_, i) => (mask >> i) & 1));
    const clean = off.every((d, i) => ((mask >> i) & 1 ? d <= limit : d > 2 * limit));
    if (!clean) continue;
    if (!best || kept.length > best.kept || worst < best.worst) {
      best = { slope, kept: kept.length, worst };
    }
  }
  return best?.slope ?? null;
}

/**
 * The forearm's axis as the image shows it, pointing from the elbow toward the hand, in the
 * frame's pixel units; null when it cannot be told (no forearm behind the wrist, a forearm cut
 * or blending into a skin-coloured background, or one bent implausibly far from the palm),
 * and the caller keeps the palm's axis. Method: cross-sections of the skin region behind
 * landmark 0, square to the palm's axis; the line through their centres is the forearm's
 * midline (a forearm at angle θ to the palm gives centres drifting by tan θ per palm length),
 * through the centres that agree on one (see {@link consensusSlope}).
 */
export function forearmAxis(px: Pixels, landmarks: readonly Landmark[]): Direction | null {
  const hand = handSkin(px, landmarks);
  if (!hand) return null;
  const centres: [number, number][] = [];
  for (const along of ROWS) {
    const centre = runCentre((across) => {
      const rgb = hand.at(along, across);
      return rgb === null ? null : hand.isSkin(rgb);
    });
    if (centre !== null) centres.push([along, centre]);
  }
  const slope = consensusSlope(
    centres,
    Math.max(MAX_CENTRE_OFF_LINE, CENTRE_OFF_LINE_PX / hand.palmPx),
  );
  if (slope === null || Math.abs(Math.atan(slope)) > MAX_FOREARM_BEND_RAD) return null;
  // along = up, across = up turned 90° clockwise on screen: (−up.y, up.x).
  const { up } = hand;
  const x = up.x - slope * up.y;
  const y = up.y + slope * up.x;
  const length = Math.hypot(x, y);
  return { x: x / length, y: y / length };
}
