import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './browser.js';

const TARGET = 200 * 1024;

/**
 * A real ~200 KB JPEG (once, cached): the hand photo scaled to 1280×960 with seeded sensor-like
 * noise (a smooth upscale alone compresses to ~30 KB), the noise raised until the file reaches
 * 200 KB at quality 3. Needs ffmpeg.
 */
export function uploadJpeg(): Buffer {
  const dir = join(REPO_ROOT, 'bench', '.cache');
  const out = join(dir, 'upload-200k.jpg');
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    const source = join(REPO_ROOT, 'e2e', 'fixtures', 'photos', 'handSrc.jpg');
    for (let noise = 10; noise <= 40; noise++) {
      const filter = `scale=1280:960,noise=alls=${noise}:allf=u:all_seed=7`;
      execFileSync('ffmpeg', [
        '-loglevel',
        'error',
        '-y',
        '-i',
        source,
        '-vf',
        filter,
        '-q:v',
        '3',
        out,
      ]);
      if (statSync(out).size >= TARGET * 0.98) break;
    }
  }
  return readFileSync(out);
}
