import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

// Vendor code grouped into long-lived chunks so the entry chunk holds only the app shell; the
// groups are layered (react < mui < react-admin) so rollup never creates a circular chunk import.
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
  if (/node_modules\/(@mui|@emotion|@popperjs|react-transition-group|stylis)\//.test(id)) return 'mui';
  if (/node_modules\/(recharts|d3-[^/]+|victory-[^/]+|decimal\.js-light)\//.test(id)) return 'charts';
  return 'vendor';
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
    proxy: {
      '/api': 'http://localhost:8080',
      '/admin/queues': 'http://localhost:8080',
    },
  },
});
