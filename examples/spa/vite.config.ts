import { fittingRoomAssets } from '@fittingroom/vite-plugin';
import { defineConfig } from 'vite';

// The SPA imports `@fittingroom/sdk` as any app would (its built ESM, no `source` condition);
// the plugin hosts the model assets and the inference worker on the app's own origin.
export default defineConfig({
  plugins: [fittingRoomAssets({ base: '/fittingroom/assets/' })],
  build: {
    target: 'es2022',
    // Keep product images as files (they would otherwise be inlined as data: URLs).
    assetsInlineLimit: 0,
  },
  server: { port: 5174 },
});
