import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('test layout', () => {
  // One layout per package: tests live in test/, mirroring src/. A test file in src/ would not
  // run (vitest.config.ts includes test/ only) and would ship in the package's sources.
  it('keeps every test under test/, none under src/', () => {
    const inSrc = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.test(-d)?\.tsx?$/.test(file))
      .map((file) => relative(ROOT, join(ROOT, 'src', file)));
    expect(inSrc, 'move these to the same path under test/').toEqual([]);
  });
});
