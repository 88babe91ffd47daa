import { fittingRoomAssets } from '@fittingroom/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The strict CSP of docs/csp.md, sent by `vite preview` (a production host sends the same).
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  `connect-src 'self' ${process.env.VITE_FR_INGEST ?? ''}`.trim(),
  "img-src 'self' blob: data:",
  "worker-src 'self' blob:",
].join('; ');

export default defineConfig({
  plugins: [react(), fittingRoomAssets({ base: '/fittingroom/assets/' })],
  preview: { headers: { 'Content-Security-Policy': csp } },
});
