import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { cspPlugin } from './scripts/csp-plugin.mjs';
import { wasmThreadsPlugin } from './scripts/wasm-threads-plugin.mjs';

/** Cross-origin isolation lets the WASM backend use threads (SharedArrayBuffer). */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), wasmThreadsPlugin(), cspPlugin()],
  // The dev server pre-bundles tfjs: the same rewrite must apply there.
  optimizeDeps: { rolldownOptions: { plugins: [wasmThreadsPlugin()] } },
  server: { headers: isolationHeaders, port: 5173 },
  preview: { headers: isolationHeaders, port: 4173 },
  // Workers are bundled apart, with their own plugins: the engine worker is where tfjs runs.
  worker: { format: 'es', plugins: () => [wasmThreadsPlugin()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./bench/index.html', import.meta.url)),
        chartRedraw: fileURLToPath(new URL('./bench/chartRedraw.html', import.meta.url)),
      },
      output: {
        // zod and the module that turns off its eval probe share one chunk, so the setting is
        // made before any other chunk runs a schema (the Content-Security-Policy forbids eval).
        codeSplitting: {
          groups: [
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]zodWithoutEval\.ts$/ },
          ],
        },
      },
    },
  },
});
