import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// The loader: one self-contained IIFE, minified, no chunks. The SDK is imported at run time
// with a native `import()` of a URL, so it never ends up in this file.
export default defineConfig({
  define: { __FR_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: {
      entry: 'src/loader.ts',
      formats: ['iife'],
      name: 'FittingRoomLoader',
      fileName: () => 'fittingroom-loader.js',
    },
  },
});
