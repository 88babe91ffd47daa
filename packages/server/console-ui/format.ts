// Pure text for the console (unit-tested in test/console-format.test.ts).
import type { AuditPage } from './types.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

function relative(ms: number): string {
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(ms) >= size) return format.format(Math.round(ms / size), unit);
  }
  return ms < 0 ? 'just now' : 'in under a minute';
}

/** How long ago `iso` was, e.g. "3 minutes ago". */
export function formatAge(iso: string, now: number): string {
  return relative(Date.parse(iso) - now);
}

/** When `iso` comes, e.g. "in 30 days (12 Jan 2026)". */
export function formatExpiry(iso: string, now: number): string {
  const date = new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' });
  return `${relative(Date.parse(iso) - now)} (${date})`;
}

/** A moment, e.g. "2 Dec 2026, 03:36:30" (one format on every screen). */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

/** The audit verdict in words. */
export function verdictText(page: Pick<AuditPage, 'total' | 'verdict'>): string {
  const { ok, problems, chains } = page.verdict;
  const where = `${page.total} line${page.total === 1 ? '' : 's'} in ${chains.length} chain${chains.length === 1 ? '' : 's'}`;
  if (ok) return `Chain verified: ${where}, every line's MAC and link checked.`;
  const first = problems
    .slice(0, 3)
    .map((p) => `line ${p.line}: ${p.problem}`)
    .join('; ');
  return `Chain broken: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${where} (${first}).`;
}
