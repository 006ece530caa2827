import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Client, type Pool } from 'pg';
import { runMigrations } from '../../db/migrate';
import { buildContext } from '../../server/build-context';
import { loadConfig, type Config } from '../../server/config';
import { logger } from '../../server/logger';
import { HANDLERS } from '../../workers/jobs';
import { redisConnection } from '../../workers/queues/connection';
import { startWorkerPool } from '../../workers/worker-pool';

const root = path.resolve(__dirname, '..', '..');

/** The servers `npm start` uses (provisioned if needed), and a fresh database of the bench's own. */
export async function benchEnvironment(name: string) {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    const res = spawnSync('node', [path.join(root, 'scripts/bootstrap.mjs'), 'services'], { encoding: 'utf8' });
    for (const line of res.stdout.split('\n')) {
      const m = /^\[ctdc\] (DATABASE_URL|REDIS_URL)=(.*)$/.exec(line);
      if (m) process.env[m[1]] = m[2].replace(/\/0$/, '/2');
    }
  }
  process.env.SESSION_SECRET ??= randomBytes(32).toString('hex');
  process.env.DATA_ENCRYPTION_KEY ??= randomBytes(32).toString('hex');
  process.env.DATA_DIR ??= path.join(root, '.data', 'bench');
  process.env.LOG_LEVEL ??= 'warn';
  const base = process.env.DATABASE_URL!;
  const db = `ctdc_bench_${name}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${db}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${db}`;
  const cfg: Config = { ...loadConfig({ ...process.env, DATABASE_URL: url.toString() }), QUEUE_PREFIX: `bench-${name}-${Date.now()}` };
  await runMigrations(cfg);
  const built = buildContext(cfg);
  const connection = redisConnection(cfg.REDIS_URL, 'worker');
  return {
    cfg,
    ...built,
    async startWorkers() {
      return startWorkerPool({
        connection, prefix: cfg.QUEUE_PREFIX, handlers: HANDLERS, concurrency: 1,
        deps: { db: built.ctx.db, pool: built.database.pool, cfg, blobs: built.ctx.blobs, jobs: built.ctx.jobs, log: logger },
      });
    },
    async dispose() {
      connection.disconnect();
      await built.close();
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Samples this process's resident memory; the peak is what the targets are about. */
export function memorySampler(everyMs = 100) {
  let peak = process.memoryUsage().rss;
  let phasePeak = peak;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    phasePeak = Math.max(phasePeak, rss);
  };
  const timer = setInterval(sample, everyMs);
  return {
    /** The peak since the previous call (or the start), for one phase of a run. */
    phase: () => {
      sample();
      const phase = phasePeak;
      phasePeak = process.memoryUsage().rss;
      return phase;
    },
    stop: () => { clearInterval(timer); sample(); return peak; },
  };
}

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const machine = () => `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;

/** CPU milliseconds of a process or thread from /proc (Linux), so a busy shared machine can be read through. */
export function cpuMs(stat: string): number {
  try {
    const fields = fs.readFileSync(stat, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return NaN;
  }
}

/** CPU milliseconds used so far by the PostgreSQL backends connected to the pool's database. */
export async function backendsCpu(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return rows.reduce((sum, { pid }) => sum + cpuMs(`/proc/${pid}/stat`), 0);
}

/** This process's main-thread CPU milliseconds so far. */
export const mainThreadCpu = () => cpuMs(`/proc/${process.pid}/task/${process.pid}/stat`);
