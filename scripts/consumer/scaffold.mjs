// Lays out the consumer apps of the consumer test in a folder outside the workspace, as a
// retailer's developer would write them: package.json files naming only the packed tarballs
// and public npm packages (pinned), and the sources in ./apps.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const apps = join(here, 'apps');
const RING = join(here, '..', '..', 'e2e', 'fixtures', 'products', 'ring.svg');

/** Public npm packages of the apps, pinned (the versions the docs' recipes name). */
export const VERSIONS = {
  next: '16.4.6',
  react: '19.3.1',
  'react-dom': '19.3.1',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@types/node': '20.19.43',
  typescript: '5.9.3',
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  sirv: '3.0.2',
};

const pick = (...names) => Object.fromEntries(names.map((n) => [n, VERSIONS[n]]));
const file = (tarballs, ...names) =>
  Object.fromEntries(names.map((n) => [`@fittingroom/${n}`, `file:${tarballs[n]}`]));

function writePackage(dir, pkg) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ private: true, type: 'module', ...pkg }, null, 2)}\n`,
  );
}

/**
 * Writes the four folders under `work`: `vite` (Vite + React), `next` (Next.js App Router),
 * `static` (a script-tag page) and `ingest` (the server), each with its own package.json.
 * `tarballs` maps a package folder name (`sdk`, …) to its packed tarball.
 */
export function scaffold(work, tarballs, ingestUrl) {
  // Its tsconfig skips lib checks, as create-vite's does: scripts/pack-check.mjs type-checks
  // the SDK's declarations themselves in a strict consumer.
  const vite = join(work, 'vite');
  cpSync(join(apps, 'vite'), vite, { recursive: true });
  cpSync(join(apps, 'shared', 'TryOnButton.tsx'), join(vite, 'src', 'TryOnButton.tsx'));
  cpSync(RING, join(vite, 'public', 'ring.svg'));
  writePackage(vite, {
    name: 'shop-vite',
    scripts: { build: 'tsc -b && vite build', preview: 'vite preview' },
    dependencies: { ...file(tarballs, 'sdk', 'models', 'protocol'), ...pick('react', 'react-dom') },
    devDependencies: {
      ...file(tarballs, 'vite-plugin'),
      ...pick('vite', '@vitejs/plugin-react', 'typescript', '@types/react', '@types/react-dom'),
    },
  });

  const next = join(work, 'next');
  cpSync(join(apps, 'next'), next, { recursive: true });
  cpSync(join(apps, 'shared', 'TryOnButton.tsx'), join(next, 'app', 'TryOnButton.tsx'));
  mkdirSync(join(next, 'public'));
  cpSync(RING, join(next, 'public', 'ring.svg'));
  writePackage(next, {
    name: 'shop-next',
    scripts: {
      prebuild: 'fittingroom-assets public/fittingroom/assets',
      build: 'next build',
      start: 'next start',
    },
    dependencies: {
      ...file(tarballs, 'sdk', 'models', 'protocol'),
      ...pick('next', 'react', 'react-dom'),
    },
    devDependencies: {
      ...file(tarballs, 'vite-plugin'),
      ...pick('typescript', '@types/react', '@types/react-dom', '@types/node'),
    },
  });

  const page = join(work, 'static');
  mkdirSync(join(page, 'site'), { recursive: true });
  for (const name of ['status.js', 'privacy.html'])
    cpSync(join(apps, 'static', name), join(page, 'site', name));
  cpSync(RING, join(page, 'site', 'ring.svg'));
  cpSync(join(apps, 'static', 'serve.mjs'), join(page, 'serve.mjs'));
  const html = readFileSync(join(apps, 'static', 'index.html'), 'utf8');
  writeFileSync(join(page, 'site', 'index.html'), html.replace('__FR_INGEST__', ingestUrl));
  writePackage(page, {
    name: 'shop-static',
    dependencies: { ...file(tarballs, 'embed'), ...pick('sirv') },
  });

  writePackage(join(work, 'ingest'), {
    name: 'shop-ingest',
    dependencies: file(tarballs, 'server', 'protocol'),
  });
}
