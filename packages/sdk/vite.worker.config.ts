import { defaultClientConditions, defineConfig } from 'vite';

// The inference worker as one self-contained file (`dist/ml-worker.js`, no chunks), so it can be
// served from the assets folder beside the models, where the SDK looks for it by default: no
// bundler has to understand `new URL(…, import.meta.url)` in the app that imports the SDK.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: true,
    emptyOutDir: false,
    lib: { entry: { 'ml-worker': 'src/ml/worker.ts' }, formats: ['es'] },
    rolldownOptions: { output: { codeSplitting: false, minify: true } },
  },
});
