// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The npm package shape of @fittingroom/sdk, checked on its build (the test command builds
// first): what a bundler or an SSR framework sees when it imports the package.
const require = createRequire(import.meta.url);
const sdkRoot = dirname(require.resolve('@fittingroom/sdk/package.json'));
const pkg = JSON.parse(readFileSync(join(sdkRoot, 'package.json'), 'utf8')) as {
  exports: Record<string, Record<string, string> | string>;
  sideEffects: unknown;
  types: string;
  files: string[];
};

describe('@fittingroom/sdk package', () => {
  it('maps every export condition to a built file', () => {
    const root = pkg.exports['.'] as Record<string, string>;
    expect(Object.keys(root)).toEqual(['source', 'types', 'default']);
    for (const [condition, target] of Object.entries(root)) {
      expect(existsSync(join(sdkRoot, target)), `${condition} → ${target}`).toBe(true);
    }
    for (const [subpath, entry] of Object.entries(pkg.exports)) {
      const targets = typeof entry === 'string' ? { default: entry } : entry;
      for (const [condition, target] of Object.entries(targets)) {
        expect(existsSync(join(sdkRoot, target)), `${subpath} ${condition} → ${target}`).toBe(true);
      }
    }
    expect(existsSync(join(sdkRoot, pkg.types))).toBe(true);
    expect(pkg.files).toEqual(['dist']);
  });

  it('names every export of every entry (no `export *`, so the surface is deliberate)', () => {
    for (const [subpath, entry] of Object.entries(pkg.exports)) {
      if (typeof entry === 'string' || !entry.types || !entry.source) continue;
      const source = readFileSync(join(sdkRoot, entry.source), 'utf8');
      expect(source, subpath).not.toMatch(/export\s+(type\s+)?\*/);
    }
  });

  it('declares side effects only for the worker entry', () => {
    expect(pkg.sideEffects).toEqual(['./dist/ml-worker.js', './src/ml/worker.ts']);
  });

  it('imports in plain Node without a DOM (safe during server-side rendering)', () => {
    const entry = (pkg.exports['.'] as Record<string, string>).default ?? '';
    const url = pathToFileURL(join(sdkRoot, entry)).href;
    // A separate Node process: no test environment, no globals but Node's own.
    const script = `const m = await import(${JSON.stringify(url)});
      let created = 'no error';
      try { m.createTryOn({}); } catch (e) { created = e.code + ': ' + e.message; }
      console.log(JSON.stringify({ window: typeof window, createTryOn: typeof m.createTryOn,
        error: typeof m.FittingRoomError, created }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({
      window: 'undefined',
      createTryOn: 'function',
      error: 'function',
      // Creating one on the server says why it cannot, instead of failing on an option.
      created: expect.stringMatching(/^config: createTryOn runs in the browser only/),
    });
  });

  it('ships type declarations for the public entry', () => {
    const dts = readFileSync(join(sdkRoot, pkg.types), 'utf8');
    expect(dts).toContain('createTryOn');
  });
});
