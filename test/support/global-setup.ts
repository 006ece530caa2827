import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

const root = path.resolve(__dirname, '..', '..');
export const TEST_DB_FILE = path.join(root, '.data', `test-db-${process.pid}.json`);

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try { return await fn(client); } finally { await client.end(); }
}

/**
 * Real PostgreSQL and Redis for the integration and browser tests: the servers `npm test`
 * provisioned (or DATABASE_URL / REDIS_URL). Each run gets its own freshly migrated database, so
 * runs side by side never see each other's data; queues are isolated by a prefix per test file.
 */
export default async function globalSetup(): Promise<void> {
  // One database per jest process, shared by its projects (integration and e2e both list this set-up).
  if (process.env.CTDC_TEST_DB) return;
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    const res = spawnSync('node', [path.join(root, 'scripts/bootstrap.mjs'), 'services'], { encoding: 'utf8', env: { ...process.env } });
    for (const line of res.stdout.split('\n')) {
      const m = /^\[ctdc\] (DATABASE_URL|REDIS_URL)=(.*)$/.exec(line);
      if (m) process.env[m[1]] = m[1] === 'DATABASE_URL' ? m[2].replace(/\/ctdc$/, '/ctdc_test') : m[2].replace(/\/0$/, '/1');
    }
    if (!process.env.DATABASE_URL) throw new Error(`Could not provision test services:\n${res.stderr}`);
  }
  process.env.NODE_ENV = 'test';
  process.env.SESSION_SECRET ??= randomBytes(32).toString('hex');
  process.env.DATA_ENCRYPTION_KEY ??= randomBytes(32).toString('hex');
  process.env.DATA_DIR = path.join(root, '.data', 'test');
  process.env.LOG_LEVEL ??= 'silent';

  const base = process.env.DATABASE_URL;
  const name = `ctdc_t_${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString('hex')}`;
  await withClient(base, async (c) => {
    // Databases of earlier runs that died without their teardown (older than two hours).
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'ctdc_t_%'");
    for (const { datname } of rows) {
      const started = Number(datname.split('_')[2]);
      if (Date.now() / 1000 - started > 7200) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.CTDC_TEST_DB = name;
  fs.mkdirSync(path.dirname(TEST_DB_FILE), { recursive: true });
  fs.writeFileSync(TEST_DB_FILE, JSON.stringify({ base, name }));

  const { runMigrations } = await import('../../db/migrate');
  const { loadConfig } = await import('../../server/config');
  await runMigrations(loadConfig());
}
