// Which source modules the minified bytes of a bundle come from, read from its source map.
import { existsSync, readFileSync } from 'node:fs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one Base64 VLQ mapping segment into its signed fields. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    if (digit < 0) throw new Error(`not a base64 VLQ digit: ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

/** The parts of a v3 source map read here. */
export interface SourceMap {
  readonly sources: readonly string[];
  readonly mappings: string;
}

/**
 * Bytes of generated code per source file: each mapped segment runs to the next one (or the
 * end of its line). Unmapped code is left out.
 */
export function bytesBySource(code: string, map: SourceMap): Map<string, number> {
  const lines = code.split('\n');
  const totals = new Map<string, number>();
  let source = 0;
  map.mappings.split(';').forEach((line, index) => {
    let column = 0;
    const segments: [number, number][] = [];
    for (const raw of line.split(',')) {
      if (!raw) continue;
      const fields = decodeVlq(raw);
      column += fields[0] ?? 0;
      if (fields.length > 1) source += fields[1] ?? 0;
      segments.push([column, source]);
    }
    const length = lines[index]?.length ?? 0;
    segments.forEach(([start, src], i) => {
      const end = segments[i + 1]?.[0] ?? length;
      const name = map.sources[src] ?? '(unknown)';
      totals.set(name, (totals.get(name) ?? 0) + Math.max(0, end - start));
    });
  });
  return totals;
}

/** A short module name: the part after `src/`, or the npm package for a dependency. */
export function moduleName(source: string): string {
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg?.[1]) return pkg[1];
  const i = source.lastIndexOf('src/');
  return i >= 0 ? source.slice(i + 4) : source;
}

/** Minified bytes per module over several bundle files (those without a map are skipped). */
export function modulesOf(files: readonly string[]): [string, number][] {
  const totals = new Map<string, number>();
  for (const file of files) {
    if (!existsSync(`${file}.map`)) continue;
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMap;
    for (const [source, n] of bytesBySource(readFileSync(file, 'utf8'), map)) {
      const name = moduleName(source);
      totals.set(name, (totals.get(name) ?? 0) + n);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}
