import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The UI is built into dist/web, which the server serves at `/`. `npm run dev` runs this config's
// dev server with the API proxied to a `relpack serve` on RELPACK_API (default :8080).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.RELPACK_API ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
