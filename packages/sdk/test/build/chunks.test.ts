import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chunkOf, type ModuleGraph } from '../../chunks.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const src = (path: string) => join(SRC, path);
const PROTOCOL = (name: string) => join(SRC, '..', '..', 'protocol', 'src', `${name}.ts`);

// A miniature of the SDK's graph: static imports only, as rolldown reports them.
const IMPORTS: Record<string, string[]> = {
  [src('tryon-entry.ts')]: [src('tryon/session.ts'), src('errors.ts')],
  [src('tryon/session.ts')]: [src('errors.ts'), src('i18n/index.ts'), PROTOCOL('index')],
  [PROTOCOL('index')]: [PROTOCOL('consent'), PROTOCOL('upload'), PROTOCOL('http')],
  [src('tryon/live-parts.ts')]: [src('tryon/view.ts'), src('ml/landmarker.ts')],
  [src('tryon/view.ts')]: [src('errors.ts')],
  [src('ml/landmarker.ts')]: [src('ml/fetch-guard.ts'), src('errors.ts')],
  [src('ml/worker.ts')]: [src('ml/engine.ts'), src('ml/fetch-guard.ts')],
};
const graph: ModuleGraph = {
  getModuleInfo: (id) => ({ importedIds: IMPORTS[id] ?? [] }),
};

describe('chunkOf (the build’s chunk groups)', () => {
  it('puts everything the tryon entry loads before consent in one chunk', () => {
    expect(chunkOf(src('tryon/session.ts'), graph)).toBe('session');
    expect(chunkOf(src('errors.ts'), graph)).toBe('session');
    expect(chunkOf(src('tryon-entry.ts'), graph)).toBeNull(); // the entry stays the entry
    expect(chunkOf(PROTOCOL('consent'), graph)).toBe('session');
  });

  it("leaves the protocol's upload contract out of it, for the upload client", () => {
    expect(chunkOf(PROTOCOL('upload'), graph)).toBeNull();
    expect(chunkOf(PROTOCOL('http'), graph)).toBeNull();
  });

  it('puts the live view and English texts in one chunk, never a pre-consent module', () => {
    expect(chunkOf(src('tryon/view.ts'), graph)).toBe('live-parts');
    expect(chunkOf(src('ml/landmarker.ts'), graph)).toBe('live-parts');
    expect(chunkOf(src('i18n/tryon/en.ts'), graph)).toBe('live-parts');
  });

  it("leaves the worker's modules to rolldown and names the other locales' chunks", () => {
    expect(chunkOf(src('ml/fetch-guard.ts'), graph)).toBeNull();
    expect(chunkOf(src('ml/engine.ts'), graph)).toBeNull();
    expect(chunkOf(src('i18n/tryon/fr.ts'), graph)).toBe('tryon-fr');
    expect(chunkOf(src('upload/client.ts'), graph)).toBeNull();
  });
});
