import { describe, expect, it } from 'vitest';
import { markdownReport, markdownTable, row, textTable, verdict } from '../src/report.js';

const rows = [
  row('Loader', '2.94 KB', {
    baseline: 'budget 5 KB',
    ratio: '0.59×',
    target: '≤ 5 KB',
    verdict: verdict(true),
  }),
  row('Per-frame | SDK', '60 ms', { target: '≤ 1.10×', verdict: verdict(false) }),
  row('Context only', '1'),
];

describe('tables', () => {
  it('writes one Markdown row per figure, escaping pipes and marking verdicts', () => {
    const table = markdownTable(rows).split('\n');
    expect(table).toHaveLength(5);
    expect(table[2]).toBe('| Loader | 2.94 KB | budget 5 KB | 0.59× | ≤ 5 KB | ✅ met |');
    expect(table[3]).toContain('Per-frame \\| SDK');
    expect(table[3]).toContain('❌ missed');
    expect(table[4]).toBe('| Context only | 1 | — | — | — |  |');
  });

  it('pads terminal columns to the widest cell', () => {
    const lines = textTable([{ title: 'Size', rows, notes: [] }]).split('\n');
    const column = lines[0]!.indexOf('Measured');
    expect(lines[2]!.indexOf('2.94 KB')).toBe(column);
    expect(lines[3]!.indexOf('60 ms')).toBe(column);
  });
});

describe('report', () => {
  const info = {
    date: '2026-11-26T00:00:00Z',
    machine: ['CPU: x'],
    versions: ['Node: v20'],
    settings: [],
  };

  it('lists every missed target at the top', () => {
    const text = markdownReport(
      info,
      [{ title: '2. Per-frame cost', rows, notes: ['how'] }],
      'Intro.',
    );
    expect(text).toContain('Targets missed in this run: 2. Per-frame cost: Per-frame | SDK.');
    expect(text).toContain('## 2. Per-frame cost');
    expect(text).toContain('- how');
    expect(text).toContain('- CPU: x');
  });

  it('says so when every target was met', () => {
    const text = markdownReport(info, [{ title: 'Size', rows: [rows[0]!], notes: [] }], 'Intro.');
    expect(text).toContain('Every target with a verdict was met in this run.');
  });
});
