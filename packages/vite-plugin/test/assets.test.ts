import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { assetSources, copyAssets, WORKER_FILE } from '../src/index.js';

const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fr-vite-plugin-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the assets folder', () => {
  it('is the models folder plus the SDK worker, copied as one', () => {
    const src = temp();
    mkdirSync(join(src, 'models', 'wasm'), { recursive: true });
    writeFileSync(join(src, 'models', 'hand_landmarker.task'), 'model');
    writeFileSync(join(src, 'models', 'wasm', 'vision_wasm_internal.wasm'), 'wasm');
    writeFileSync(join(src, 'worker.js'), 'worker');
    const out = join(temp(), 'public', 'fittingroom', 'assets');
    copyAssets(out, { modelsDir: join(src, 'models'), workerFile: join(src, 'worker.js') });
    expect(readdirSync(out).sort()).toEqual(['hand_landmarker.task', WORKER_FILE, 'wasm']);
    expect(readFileSync(join(out, WORKER_FILE), 'utf8')).toBe('worker');
    expect(readdirSync(join(out, 'wasm'))).toEqual(['vision_wasm_internal.wasm']);
  });

  it('comes from the SDK and models the app installed', () => {
    const here = join(dirname(fileURLToPath(import.meta.url)), '..');
    const sources = assetSources(here);
    expect(sources.modelsDir).toMatch(/models[\\/]dist$/);
    expect(sources.workerFile).toMatch(/sdk[\\/]dist[\\/]ml-worker\.js$/);
  });
});
