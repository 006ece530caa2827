// Local PostgreSQL and Redis under DATA_DIR, for development and tests when no DATABASE_URL /
// REDIS_URL is given. Uses Debian's packages, installing them when missing and running as root.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const PG_PORT = Number(process.env.LOCAL_PG_PORT ?? 54329);
const REDIS_PORT = Number(process.env.LOCAL_REDIS_PORT ?? 63790);
const isRoot = process.getuid?.() === 0;

function sh(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', ...opts });
}

function mustSucceed(res, what) {
  if (res.status !== 0) {
    throw new Error(`${what} failed: ${(res.stderr || res.stdout || '').trim() || res.error?.message}`);
  }
  return res;
}

function aptInstall(pkg, log) {
  if (!isRoot) {
    throw new Error(`${pkg} is not installed. Install it with: sudo apt-get install -y ${pkg}  (or set the matching *_URL)`);
  }
  log(`installing Debian package ${pkg}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  mustSucceed(sh('apt-get', ['update', '-qq'], { env }), 'apt-get update');
  mustSucceed(sh('apt-get', ['install', '-y', '-qq', pkg], { env }), `apt-get install ${pkg}`);
}

function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

/** initdb and pg_ctl refuse root: as root, run them as Debian's `postgres` user. */
function asClusterOwner(bin, args) {
  return isRoot ? sh('runuser', ['-u', 'postgres', '--', bin, ...args]) : sh(bin, args);
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * As root the cluster runs as `postgres`, which must be able to reach it: a data folder under a
 * private directory (mktemp's are 0700) would make initdb fail with "Permission denied". Each
 * directory on the way that `postgres` cannot enter gets the search bit for others (enter, not
 * list), and says so.
 */
function letPostgresReach(dir, log) {
  const chain = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    chain.unshift(at);
    if (at === path.dirname(at)) break;
  }
  // From the root down: a directory is enterable only once its parents are.
  for (const at of chain) {
    if (sh('runuser', ['-u', 'postgres', '--', 'test', '-x', at]).status === 0) continue;
    fs.chmodSync(at, fs.statSync(at).mode | 0o001);
    log(`made ${at} enterable (not listable) by others, so the postgres user reaches the cluster`);
  }
}

export async function ensureLocalPostgres({ dataDir, log }) {
  let bin = postgresBinDir();
  if (!bin) {
    aptInstall('postgresql', log);
    bin = postgresBinDir();
  }
  const clusterDir = path.join(dataDir, 'postgres');
  const passwordFile = path.join(dataDir, 'postgres-superuser.secret');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  if (isRoot) letPostgresReach(dataDir, log);
  if (!fs.existsSync(passwordFile)) {
    fs.writeFileSync(passwordFile, crypto.randomBytes(18).toString('hex'), { mode: 0o644 });
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`creating a PostgreSQL cluster in ${clusterDir}`);
    fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    if (isRoot) mustSucceed(sh('chown', ['postgres:postgres', clusterDir]), 'chown cluster dir');
    mustSucceed(
      asClusterOwner(path.join(bin, 'initdb'), [
        '-D', clusterDir, '-U', 'postgres', '--pwfile', passwordFile,
        '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8',
      ]),
      'initdb',
    );
  }
  if (!(await portOpen(PG_PORT))) {
    log(`starting PostgreSQL on 127.0.0.1:${PG_PORT}`);
    const logFile = path.join(clusterDir, 'server.log');
    mustSucceed(
      asClusterOwner(path.join(bin, 'pg_ctl'), [
        '-D', clusterDir, '-l', logFile, '-w', '-t', '60',
        '-o', `-p ${PG_PORT} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200`,
        'start',
      ]),
      'pg_ctl start',
    );
  }
  const url = (db) => `postgres://postgres:${password}@127.0.0.1:${PG_PORT}/${db}`;
  const psql = (sql, db = 'postgres') =>
    mustSucceed(sh(path.join(bin, 'psql'), [url(db), '-v', 'ON_ERROR_STOP=1', '-tAc', sql]), 'psql');
  for (const db of ['ctdc', 'ctdc_test']) {
    if (psql(`SELECT 1 FROM pg_database WHERE datname = '${db}'`).stdout.trim() !== '1') {
      psql(`CREATE DATABASE ${db}`);
    }
  }
  return { url };
}

export async function ensureLocalRedis({ dataDir, log }) {
  if (sh('which', ['redis-server']).status !== 0) aptInstall('redis-server', log);
  const dir = path.join(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  if (!(await portOpen(REDIS_PORT))) {
    log(`starting Redis on 127.0.0.1:${REDIS_PORT}`);
    mustSucceed(
      sh('redis-server', [
        '--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--dir', dir,
        '--daemonize', 'yes', '--pidfile', path.join(dir, 'redis.pid'), '--logfile', path.join(dir, 'redis.log'),
        '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction',
      ]),
      'redis-server',
    );
    for (let i = 0; i < 50 && !(await portOpen(REDIS_PORT)); i++) await new Promise((r) => setTimeout(r, 100));
  }
  return { url: (db) => `redis://127.0.0.1:${REDIS_PORT}/${db}` };
}

export function stopLocalServices({ dataDir, log }) {
  const bin = postgresBinDir();
  const clusterDir = path.join(dataDir, 'postgres');
  if (bin && fs.existsSync(path.join(clusterDir, 'postmaster.pid'))) {
    asClusterOwner(path.join(bin, 'pg_ctl'), ['-D', clusterDir, '-m', 'fast', 'stop']);
    log('PostgreSQL stopped');
  }
  const pidFile = path.join(dataDir, 'redis', 'redis.pid');
  if (fs.existsSync(pidFile)) {
    try { process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGTERM'); log('Redis stopped'); } catch { /* already gone */ }
  }
}
