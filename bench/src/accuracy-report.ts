// The placement-accuracy section (see accuracy.ts): its rows, the summary at its head, the table
// of every scored case, and the detection options for hands at the edge with their cost
// (pure: scores and timings in, Markdown out).
import type { Score } from './accuracy-score.js';
import { type Row, row, type Section, verdict } from './report.js';
import { median, ratio, times } from './stats.js';

/** The detection options run on every hand variant. */
export const EDGE_OPTIONS = ['sdk', 'sdk2', 'video480', 'videoFull', 'image'] as const;
export type EdgeOption = (typeof EDGE_OPTIONS)[number];

/** What each detection option found on one hand variant, and its median time per frame. */
export interface EdgeResult {
  readonly variant: string;
  /** Hands in the photo. */
  readonly hands: number;
  /** Hands found by each option. */
  readonly found: Readonly<Record<EdgeOption, number>>;
  readonly ms: Readonly<Record<EdgeOption, number>>;
}

const EDGE_HEADS: Record<EdgeOption, string> = {
  sdk: 'SDK default (worker, VIDEO, 480 px, maxHands 1)',
  sdk2: 'SDK, maxHands 2',
  video480: 'bare VIDEO 480 px',
  videoFull: 'bare VIDEO 640 px',
  image: 'bare IMAGE 640 px',
};

export const pct = (x: number | null) =>
  x === null ? '—' : Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'no ref.';
export const deg = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}°`);
const ms = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '—' : `${x.toFixed(1)} ms`;

/**
 * What a second hand costs: over the variants with `hands` hands in view where both settings
 * found one, the median time per frame of each and the median of the per-variant ratios (each
 * pair measured back to back on the same frame, so the machine's load cancels out).
 */
export function maxHandsCost(edge: readonly EdgeResult[], hands: number) {
  const pairs = edge.filter(
    (e) => e.hands === hands && e.found.sdk > 0 && e.found.sdk2 > 0 && e.ms.sdk > 0,
  );
  return {
    variants: pairs.length,
    one: median(pairs.map((e) => e.ms.sdk)),
    two: median(pairs.map((e) => e.ms.sdk2)),
    ratio: median(pairs.map((e) => ratio(e.ms.sdk2, e.ms.sdk))),
  };
}

function costRow(edge: readonly EdgeResult[], hands: number): Row {
  const cost = maxHandsCost(edge, hands);
  const inView = hands === 1 ? 'one hand in view' : 'two hands in view';
  return row(`SDK detect per frame, \`maxHands: 2\` against 1 (${inView})`, ms(cost.two), {
    baseline: `${ms(cost.one)} (maxHands 1, ${cost.variants} variant${cost.variants === 1 ? '' : 's'})`,
    ratio: times(cost.ratio),
  });
}

/** The few sentences at the head of the table: what the run shows. */
export function summaryOf(scores: readonly Score[], edge: readonly EdgeResult[]): string {
  const wrist = scores.filter((s) => s.kind === 'watch' || s.kind === 'bracelet');
  const onForearm = wrist.filter((s) => s.variant.startsWith('forearm'));
  const drawnOnForearm = onForearm.filter((s) => s.drawn && !s.falsePlacement);
  const withoutForearm = wrist.filter((s) => !s.variant.startsWith('forearm'));
  const worstOf = (list: readonly Score[], key: 'centreError' | 'rotationErrorDeg') =>
    Math.max(0, ...list.map((s) => s[key] ?? 0));
  const falses = scores.filter((s) => s.falsePlacement).length;
  const single = edge.filter((e) => e.hands === 1);
  const missedByAll = single.filter((e) => !EDGE_OPTIONS.some((o) => e.found[o] > 0)).length;
  const imageOnly = single.filter((e) => e.found.sdk === 0 && e.found.image > 0).length;
  const one = maxHandsCost(edge, 1);
  const two = maxHandsCost(edge, 2);
  return [
    `**Summary.** ${falses} false placements in ${scores.length} cases.`,
    `Watches and bracelets: drawn on ${drawnOnForearm.length} of ${onForearm.length} cases on the real forearm photos (worst ${pct(worstOf(drawnOnForearm, 'centreError'))} of the hand size from the reference, ${deg(worstOf(drawnOnForearm, 'rotationErrorDeg'))}), hidden with the hint on ${withoutForearm.filter((s) => !s.drawn).length} of ${withoutForearm.length} cases whose photo has no forearm.`,
    `Hands at the edge: an IMAGE-mode re-detect would have found ${imageOnly} hand${imageOnly === 1 ? '' : 's'} the default missed (${missedByAll} missed by every option).`,
    `A second hand (\`maxHands: 2\`) costs ${times(one.ratio)} the per-frame time of one with one hand in view (median ${ms(one.two)} against ${ms(one.one)}) and ${times(two.ratio)} with two (${ms(two.two)} against ${ms(two.one)}).`,
  ].join(' ');
}

/** The accuracy section: its rows, how it was measured, and both tables. */
export function sectionOf(
  scores: readonly Score[],
  edge: readonly EdgeResult[],
  method: string,
): Section {
  const falses = scores.filter((s) => s.falsePlacement);
  const worst = (kinds: string[]) =>
    Math.max(
      0,
      ...scores
        .filter((s) => kinds.includes(s.kind) && s.drawn && !s.falsePlacement)
        .map((s) => s.centreError ?? 0),
    );
  const ringErr = worst(['ring']);
  const faceErr = worst(['glasses', 'necklace', 'earrings']);
  const rows: Row[] = [
    row('False placements (all variants and kinds)', `${falses.length} of ${scores.length}`, {
      target: '0',
      verdict: verdict(falses.length === 0),
    }),
    row('Ring centre error, worst drawn case', pct(ringErr), {
      target: '≤ 2% of hand size',
      verdict: verdict(ringErr <= 0.02),
    }),
    row('Face products centre error, worst drawn case', pct(faceErr), {
      target: '≤ 4% of face width',
      verdict: verdict(faceErr <= 0.04),
    }),
    costRow(edge, 1),
    costRow(edge, 2),
  ];
  const table = [
    '| Variant | Product | Detected | Drawn | Centre error | Rotation error | False placement | Hint shown |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...scores.map(
      (s) =>
        `| ${s.variant} | ${s.kind} | ${s.detected ? 'yes' : 'no'} | ${s.drawn ? 'yes' : 'no'} | ${pct(s.centreError)} | ${deg(s.rotationErrorDeg)} | ${s.falsePlacement ? '**yes**' : 'no'} | ${s.hint ?? '—'} |`,
    ),
  ].join('\n');
  const found = (e: EdgeResult, o: EdgeOption) => {
    const n = e.found[o];
    if (n === 0) return '**missed**';
    return e.hands > 1 || n > 1 ? `found ${n} of ${e.hands}` : 'found';
  };
  const edgeTable = [
    `| Hand variant | ${EDGE_OPTIONS.map((o) => EDGE_HEADS[o]).join(' | ')} |`,
    `| --- | ${EDGE_OPTIONS.map(() => '---').join(' | ')} |`,
    ...edge.map(
      (e) =>
        `| ${e.variant} | ${EDGE_OPTIONS.map((o) => `${found(e, o)} · ${ms(e.ms[o])}`).join(' | ')} |`,
    ),
  ].join('\n');
  return {
    title: '6. Placement accuracy',
    rows,
    notes: [
      summaryOf(scores, edge),
      method,
      table,
      'Hands at the edge: how many hands each detection option finds on the same frame, and its median cost per frame (the SDK figures are the whole round trip to its worker, maxHands 1 and 2 measured back to back on each variant, alternating which goes first; the bare ones are the detect call alone on the page).',
      edgeTable,
    ],
  };
}
