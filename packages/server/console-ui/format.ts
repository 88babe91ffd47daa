// Pure text for the console (unit-tested in test/console-format.test.ts): the console's sentences
// that depend on data live here, its fixed labels in the page (src/console/page.ts).
import type { AuditPage, Session } from './types.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

function relative(ms: number): string {
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    // Rounded by magnitude: Math.round(-1.5) is -1, which made 90 minutes ago "1 hour ago".
    if (Math.abs(ms) >= size)
      return format.format(Math.sign(ms) * Math.round(Math.abs(ms) / size), unit);
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

/** "1 photo" / "2 photos": a count with its noun, singular only for exactly one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The line above the shared-photos table. */
export function photosSummary(count: number, mode: Session['mode']): string {
  return count === 0
    ? `No shared photos in ${mode} mode.`
    : `${plural(count, 'shared photo')} in ${mode} mode, newest first.`;
}

/** What an empty shared-photos list means, and when it fills (shown instead of the table). */
export function photosEmptyHint(mode: Session['mode']): string {
  return mode === 'test'
    ? 'Photos shoppers share on a page with a pk_test_… key appear here, and are erased 24 hours after they were shared.'
    : 'When a shopper shares a try-on photo with upload consent, it appears here with its expiry; nothing else is ever stored.';
}
