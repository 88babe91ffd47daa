// The results model and the table writer (pure: text in, text out).

/** Whether a figure meets its target; `info` rows have none. */
export type Verdict = 'met' | 'missed' | 'info';

/** One line of the results table. */
export interface Row {
  readonly metric: string;
  readonly measured: string;
  /** The same-run baseline it is compared with ('—' for none). */
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  readonly verdict: Verdict;
}

/** One benchmark: its rows and what a reader needs to interpret them. */
export interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
  /** How it was measured, what was missed and why. */
  readonly notes: readonly string[];
}

/** A row, with '—' for the columns left out. */
export function row(
  metric: string,
  measured: string,
  fields: Partial<Omit<Row, 'metric' | 'measured'>> = {},
): Row {
  return {
    metric,
    measured,
    baseline: fields.baseline ?? '—',
    ratio: fields.ratio ?? '—',
    target: fields.target ?? '—',
    verdict: fields.verdict ?? 'info',
  };
}

/** `met` when `ok`, else `missed`. */
export function verdict(ok: boolean): Verdict {
  return ok ? 'met' : 'missed';
}

const MARK: Record<Verdict, string> = { met: '✅ met', missed: '❌ missed', info: '' };
const HEADER = ['Benchmark', 'Measured', 'Baseline (same run)', 'Ratio', 'Target', ''];

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A Markdown table of rows. */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [HEADER, HEADER.map(() => '---')];
  for (const r of rows) {
    lines.push([r.metric, r.measured, r.baseline, r.ratio, r.target, MARK[r.verdict]]);
  }
  return lines.map((cells) => `| ${cells.map(cell).join(' | ')} |`).join('\n');
}

/** A plain-text table for the terminal, columns padded to their widest cell. */
export function textTable(sections: readonly Section[]): string {
  const body = sections.flatMap((s) => [
    [`[${s.title}]`, '', '', '', '', ''],
    ...s.rows.map((r) => [r.metric, r.measured, r.baseline, r.ratio, r.target, MARK[r.verdict]]),
  ]);
  const all = [HEADER, ...body];
  const widths = HEADER.map((_, i) => Math.max(...all.map((cells) => [...cells[i]!].length)));
  return all
    .map((cells) =>
      cells
        .map((c, i) => c + ' '.repeat(widths[i]! - [...c].length))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Facts about the run printed above the results. */
export interface RunInfo {
  readonly date: string;
  readonly machine: readonly string[];
  readonly versions: readonly string[];
  readonly settings: readonly string[];
}

/** The whole BENCHMARKS.md. */
export function markdownReport(info: RunInfo, sections: readonly Section[], intro: string): string {
  const missed = sections.flatMap((s) =>
    s.rows.filter((r) => r.verdict === 'missed').map((r) => `${s.title}: ${r.metric}`),
  );
  const parts = [
    '# Benchmarks',
    '',
    intro,
    '',
    `Run on ${info.date}.`,
    '',
    ...info.machine.map((m) => `- ${m}`),
    ...info.versions.map((v) => `- ${v}`),
    ...info.settings.map((s) => `- ${s}`),
    '',
    missed.length === 0
      ? 'Every target with a verdict was met in this run.'
      : `Targets missed in this run: ${missed.join('; ')}.`,
  ];
  for (const s of sections) {
    parts.push('', `## ${s.title}`, '', markdownTable(s.rows));
    // A note that is a Markdown table stands on its own, between blank lines.
    if (s.notes.length) {
      parts.push('', ...s.notes.map((n) => (n.startsWith('|') ? `\n${n}\n` : `- ${n}`)));
    }
  }
  return `${parts.join('\n')}\n`;
}
