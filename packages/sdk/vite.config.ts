import { defaultClientConditions, defineConfig } from 'vite';
import { chunkOf } from './chunks.js';
import { minifyCssLiterals } from './minify-css.js';

// Library build: the ESM entry points, chunks kept flat beside them. The inference worker is a
// second, self-contained build (vite.worker.config.ts).
export default defineConfig({
  plugins: [minifyCssLiterals()], // the stylesheets' whitespace (minify-css.ts)
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: {
      // One file per package.json export (the subpath entries are the building blocks).
      entry: {
        index: 'src/index.ts',
        tryon: 'src/tryon-entry.ts',
        anchoring: 'src/anchoring/index.ts',
        camera: 'src/camera/index.ts',
        capture: 'src/capture/index.ts',
        consent: 'src/consent/index.ts',
        landmarks: 'src/ml/index.ts',
        overlay: 'src/overlay/index.ts',
        products: 'src/products/index.ts',
        smoothing: 'src/smoothing/index.ts',
        strings: 'src/strings-entry.ts',
        upload: 'src/upload/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // Rolldown requires it for groups that leave their modules' imports where they are
      // (`includeDependenciesRecursively: false`); the entries' public exports are unchanged.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: '[name]-[hash].js',
        minify: true,
        // One chunk for what loads before consent, one for the live view after it (chunks.ts).
        codeSplitting: {
          groups: [{ name: chunkOf, includeDependenciesRecursively: false }],
        },
      },
    },
  },
});
