import { defaultClientConditions, defineConfig } from 'vite';

// Library build: ESM entry points plus the inference worker as its own file, chunks kept flat
// beside them so `new URL('./ml-worker.js', import.meta.url)` finds the worker.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        tryon: 'src/tryon-entry.ts',
        'ml-worker': 'src/ml/worker.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      output: { chunkFileNames: '[name]-[hash].js', minify: true },
    },
  },
});
