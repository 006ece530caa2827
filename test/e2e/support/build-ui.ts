import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const index = path.join(root, 'admin-ui', 'dist', 'index.html');
const lock = path.join(root, 'admin-ui', '.build-lock');
// Everything the bundle is built from: the UI, and the server modules it imports.
const SOURCES = ['admin-ui', 'server/workflow', 'server/auth/permissions.ts'];

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'dist' || entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

const isFresh = () =>
  fs.existsSync(index) && fs.statSync(index).mtimeMs >= Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The app serves admin-ui/dist only if it exists when the app starts, so browser tests build it
 * first when it is missing or older than its sources. `npm test` has normally built it already;
 * the lock keeps parallel test files from building at the same time.
 */
export function ensureAdminUiBuilt(): void {
  for (let waited = 0; !isFresh(); waited += 500) {
    try {
      fs.mkdirSync(lock);
    } catch {
      // Someone else is building; a lock older than five minutes is left over from a crash.
      if (Date.now() - fs.statSync(lock).mtimeMs > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      if (waited > 300_000) throw new Error('Timed out waiting for another process to build the admin UI');
      sleep(500);
      continue;
    }
    try {
      if (isFresh()) return;
      const res = spawnSync('npx', ['vite', 'build', '--config', 'admin-ui/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
      if (res.status !== 0) throw new Error(`Building the admin UI failed (exit ${res.status ?? res.signal})`);
      return;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}
