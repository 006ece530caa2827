#!/usr/bin/env node
// The one entry point behind `npm start` and `npm test`. Plain Node (no dependencies), because it
// runs before `npm ci` has installed anything: it installs dependencies, provisions PostgreSQL and
// Redis under DATA_DIR when DATABASE_URL / REDIS_URL are unset, then hands over to the TypeScript code.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLocalPostgres, ensureLocalRedis, stopLocalServices } from './local-services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');
const log = (msg) => console.log(`[ctdc] ${msg}`);

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status ?? res.signal}`);
  }
}

function ensureDependencies() {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log('installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function ensureAdminUiBuilt() {
  const index = path.join(root, 'admin-ui', 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'admin-ui')), newestMtime(path.join(root, 'server', 'workflow')), newestMtime(path.join(root, 'server', 'auth')),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  log('building the admin UI');
  // Always a production build: a NODE_ENV=test in the environment would bundle development React.
  run('npx', ['vite', 'build', '--config', 'admin-ui/vite.config.ts', '--logLevel', 'warn'], { env: { ...process.env, NODE_ENV: 'production' } });
}

/** Chromium for the browser tests: Debian's package, never a test tool's own download. */
function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) return;
  if (process.getuid?.() !== 0) {
    throw new Error('Browser tests need Chromium: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).');
  }
  log('installing Debian chromium for the browser tests');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

async function services({ testing }) {
  const env = {};
  if (!process.env.DATABASE_URL) {
    const pg = await ensureLocalPostgres({ dataDir, log });
    env.DATABASE_URL = pg.url(testing ? 'ctdc_test' : 'ctdc');
    env.LOCAL_PG_ADMIN_URL = pg.url('postgres');
  }
  if (!process.env.REDIS_URL) {
    const redis = await ensureLocalRedis({ dataDir, log });
    env.REDIS_URL = redis.url(testing ? 1 : 0);
  }
  return env;
}

function localSecrets() {
  // Development secrets live beside the local servers so restarts keep sessions and readable uploads.
  const file = path.join(dataDir, 'dev-secrets.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const hex = (n) => execFileSync('node', ['-e', `process.stdout.write(require('crypto').randomBytes(${n}).toString('hex'))`]).toString();
    fs.writeFileSync(file, JSON.stringify({ SESSION_SECRET: hex(32), DATA_ENCRYPTION_KEY: hex(32) }), { mode: 0o600 });
  }
  const secrets = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Object.fromEntries(Object.entries(secrets).filter(([k]) => !process.env[k]));
}

function startProcesses(env) {
  const children = [
    spawn('npx', ['tsx', 'server/main.ts'], { stdio: 'inherit', cwd: root, env }),
    spawn('npx', ['tsx', 'workers/main.ts'], { stdio: 'inherit', cwd: root, env }),
  ];
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGTERM'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (const child of children) {
    child.on('exit', (code) => {
      if (!stopping) {
        log(`a process exited (${code}); stopping the others`);
        stop('SIGTERM');
        process.exitCode = code ?? 1;
      }
    });
  }
}

async function main() {
  const command = process.argv[2];
  if (command === 'services' && process.argv[3] === 'stop') {
    stopLocalServices({ dataDir, log });
    return;
  }
  ensureDependencies();
  const testing = command === 'test';
  const env = { ...process.env, DATA_DIR: dataDir, ...localSecrets(), ...(await services({ testing })) };

  if (command === 'services') {
    log(`DATABASE_URL=${env.DATABASE_URL}`);
    log(`REDIS_URL=${env.REDIS_URL}`);
    return;
  }
  if (command === 'start') {
    run('npx', ['tsx', 'db/migrate.ts'], { env });
    run('npx', ['tsx', 'db/seed/main.ts'], { env });
    ensureAdminUiBuilt();
    startProcesses({ ...env, NODE_ENV: env.NODE_ENV ?? 'development' });
    return;
  }
  if (command === 'test') {
    ensureChromium();
    log('type-checking');
    run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
    run('npx', ['tsc', '--noEmit', '-p', 'admin-ui/tsconfig.json']);
    ensureAdminUiBuilt();
    const extra = process.argv.slice(3);
    // Three jest runs, each with a database of its own: the drills and the browser tests publish
    // and compare releases, and must not see each other's or the integration tests' publications
    // (differencing compares with the latest published release, whoever published it). The drills
    // run one at a time: they kill workers, restart servers and compare runs with reference runs.
    // --forceExit: a suite failing in its set-up can leave a connection open, and the run must end
    // with its verdict rather than hang CI. Extra arguments go before --selectProjects, which
    // would otherwise take them for project names.
    const testEnv = { env: { ...env, NODE_ENV: 'test' } };
    for (const [workers, projects] of [['--maxWorkers=2', ['unit', 'integration']], ['--runInBand', ['drills']], ['--maxWorkers=2', ['e2e']]]) {
      run('npx', ['jest', workers, '--forceExit', ...extra, '--selectProjects', ...projects], testEnv);
    }
    return;
  }
  console.error('usage: bootstrap.mjs start | test | services [stop]');
  process.exitCode = 2;
}

main().catch((err) => {
  console.error(`[ctdc] ${err.message}`);
  process.exit(1);
});
