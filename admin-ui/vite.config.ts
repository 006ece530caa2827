import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

// Vendor code in three long-lived chunks, layered so that no chunk imports a later one (rollup
// would otherwise report a circular chunk): react, then MUI with every small utility, then the
// react-admin family (which imports both). The entry chunk keeps only the app shell.
const ADMIN_FAMILY = /node_modules\/(react-admin|ra-[^/]+|@tanstack|react-router[^/]*|react-hook-form|node-polyglot|lodash|query-string|inflection|jsonexport|papaparse|react-dropzone|react-error-boundary)\//;

// Libraries only lazy pages use (the dashboard chart, the partner pages' country names) must not
// land in the eager vendor chunks: charts get their own chunk, country names stay with their page.
const CHARTS = /node_modules\/(recharts|victory-vendor|d3-[^/]+|internmap|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|decimal\.js-light|es-toolkit|tiny-invariant)\//;
const PAGE_ONLY = /node_modules\/i18n-iso-countries\//;

function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (PAGE_ONLY.test(id)) return undefined;
  if (CHARTS.test(id)) return 'charts';
  if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
  if (ADMIN_FAMILY.test(id)) return 'react-admin';
  return 'mui';
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rollupOptions: { output: { manualChunks: vendorChunk } },
  },
  server: {
    port: 5173,
    // The UI imports the shared workflow tables from ../server/workflow.
    fs: { allow: [repoRoot] },
    // Host is kept as the browser sent it: the API refuses state changes whose Origin differs from Host.
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
      '/admin/queues': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});
