/**
 * `tsx src/build.ts`: writes the six demo products as GLB files to `dist/` (PBR materials),
 * and test variants to `dist/test/` (flat unlit colours the e2e tests measure: magenta for what
 * must show, green for what must be occluded).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGlb } from './glb.js';
import { PRODUCTS } from './products.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
mkdirSync(join(dist, 'test'), { recursive: true });
for (const make of PRODUCTS) {
  const model = make();
  for (const palette of ['demo', 'test'] as const) {
    const bytes = await writeGlb(model, palette);
    const file =
      palette === 'demo'
        ? join(dist, `${model.name}.glb`)
        : join(dist, 'test', `${model.name}.glb`);
    writeFileSync(file, bytes);
    if (palette === 'demo') console.log(`products3d: ${model.name}.glb ${bytes.length} B`);
  }
}
