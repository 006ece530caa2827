import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import Redis from 'ioredis';

const root = path.resolve(__dirname, '..', '..');

/**
 * Real PostgreSQL and Redis for the integration and browser tests: the servers `npm test`
 * provisioned (or DATABASE_URL / REDIS_URL), a wiped test database with the real migrations.
 */
export default async function globalSetup(): Promise<void> {
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

  // A clean database each run: drop everything the migrations made, then migrate for real.
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public;');
  await client.end();
  const { runMigrations } = await import('../../db/migrate');
  const { loadConfig } = await import('../../server/config');
  await runMigrations(loadConfig());

  const redis = new Redis(process.env.REDIS_URL!);
  await redis.flushdb();
  redis.disconnect();
}
