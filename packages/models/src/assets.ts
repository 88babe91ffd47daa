import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { refineFaceLandmarks } from './face-refine.js';
import { licensesMarkdown } from './licenses.js';
import { createManifest, MANIFEST_FILE, type Manifest, serializeManifest } from './manifest.js';
import { extractPackedAsset, parsePackedAssetLoader } from './packed-assets.js';
import { COPIES, type SourceFile, TASKS, type TaskEntryRecipe } from './recipe.js';
import { type InstalledPackage, locatePackage, type SourcePackage } from './sources.js';
import { buildTask } from './task-zip.js';
import { injectMetadata, readMetadata } from './tflite-metadata.js';

/** Reads source files, caching each packed blob so it is read and parsed once. */
class SourceReader {
  private readonly packages = new Map<SourcePackage, InstalledPackage>();
  private readonly blobs = new Map<string, (file: string) => Uint8Array>();

  pkg(name: SourcePackage): InstalledPackage {
    let p = this.packages.get(name);
    if (!p) {
      p = locatePackage(name);
      this.packages.set(name, p);
    }
    return p;
  }

  read(from: SourceFile): Uint8Array {
    const { dir } = this.pkg(from.pkg);
    if (!from.packedIn) return new Uint8Array(readFileSync(join(dir, from.file)));
    const key = join(dir, from.packedIn);
    let extract = this.blobs.get(key);
    if (!extract) {
      const table = parsePackedAssetLoader(readFileSync(`${key}_loader.js`, 'utf8'));
      const blob = new Uint8Array(readFileSync(`${key}.data`));
      extract = (file) => extractPackedAsset(table, blob, file);
      this.blobs.set(key, extract);
    }
    return extract(from.file);
  }

  versions(): Record<SourcePackage, string> {
    return {
      '@mediapipe/hands': this.pkg('@mediapipe/hands').version,
      '@mediapipe/face_mesh': this.pkg('@mediapipe/face_mesh').version,
      '@mediapipe/tasks-vision': this.pkg('@mediapipe/tasks-vision').version,
    };
  }
}

/** Makes one zip entry: optional face refinement, then metadata injection, then a self-check. */
function makeEntry(e: TaskEntryRecipe, src: SourceReader): Uint8Array {
  let data = src.read(e.from);
  if (e.refineFace) data = refineFaceLandmarks(data);
  if (e.normalization) {
    const { pkg, file } = e.from;
    const name = `${file} from ${pkg}@${src.pkg(pkg).version}, metadata by @fittingroom/models`;
    data = injectMetadata(data, name, e.normalization);
    const back = readMetadata(data);
    const { mean, std } = e.normalization;
    if (back.mean[0] !== mean || back.std[0] !== std) {
      throw new Error(`${e.name}: metadata self-check failed`);
    }
  }
  return data;
}

function write(outDir: string, rel: string, data: Uint8Array | string): void {
  const path = join(outDir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/**
 * Builds the complete assets folder into `outDir` (which should be empty): the `.task`
 * bundles, copied wasm and ESM bundle, LICENSES.md and manifest.json. Reads only installed npm
 * packages; the same packages always give the same bytes. Returns the manifest.
 */
export function buildAssets(outDir: string): Manifest {
  const src = new SourceReader();
  for (const task of TASKS) {
    const entries = task.entries.map((e) => ({ name: e.name, data: makeEntry(e, src) }));
    write(outDir, task.file, buildTask(entries));
  }
  const tasksVision = src.pkg('@mediapipe/tasks-vision');
  for (const c of COPIES) {
    const to = join(outDir, c.to);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(tasksVision.dir, c.from), to);
  }
  write(outDir, 'LICENSES.md', licensesMarkdown(src.versions()));
  const manifest = createManifest(outDir, tasksVision.version);
  write(outDir, MANIFEST_FILE, serializeManifest(manifest));
  return manifest;
}
