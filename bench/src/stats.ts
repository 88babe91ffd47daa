// Pure helpers: summary statistics and the formatting of figures.

/** The value below which `p` (0..1) of the sorted values fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The arithmetic mean. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Frames per second from the end times (ms) of consecutive frames. */
export function rate(ends: readonly number[]): number {
  if (ends.length < 2) return Number.NaN;
  const span = ends[ends.length - 1]! - ends[0]!;
  return span > 0 ? ((ends.length - 1) * 1000) / span : Number.NaN;
}

/** `value / baseline`, or NaN when the baseline is not a positive number. */
export function ratio(value: number, baseline: number): number {
  return baseline > 0 && Number.isFinite(value) ? value / baseline : Number.NaN;
}

/** `1.07×` (or `n/a`). */
export function times(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a';
}

/** Milliseconds with a precision that suits the size (`48.2 ms`, `1 532 ms`). */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

/** Bytes as KB (1 KB = 1024 B) below 1 MB, MB above. */
export function bytes(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (abs < 1024 * 1024) return `${sign}${(abs / 1024).toFixed(2)} KB`;
  return `${sign}${(abs / 1024 / 1024).toFixed(2)} MB`;
}

/** A signed byte difference (`+1.20 MB`, `−0.31 KB`). */
export function growth(value: number): string {
  return value >= 0 ? `+${bytes(value)}` : bytes(value);
}
