import path from 'node:path';
import { createDatabase, type Database } from '../db/client';
import { redisConnection } from '../workers/queues/connection';
import { JobClient } from '../workers/queues/job-client';
import { createLoginRateLimiter } from './auth/login-rate-limit';
import { SessionCache } from './auth/session-cache';
import type { Config } from './config';
import type { AppContext } from './context';
import { BlobStore } from './storage/blob-store';

/** Wires the API's dependencies from configuration; main.ts and the tests share it. */
export function buildContext(cfg: Config): { ctx: AppContext; database: Database; close(): Promise<void> } {
  const database = createDatabase(cfg.appDatabaseUrl);
  const redis = redisConnection(cfg.REDIS_URL, 'api');
  const jobs = new JobClient(database.db, redis, cfg.QUEUE_PREFIX);
  const sessions = new SessionCache(database.db, cfg.appDatabaseUrl);
  const ctx: AppContext = {
    cfg,
    db: database.db,
    redis,
    jobs,
    loginLimiter: createLoginRateLimiter(redis, cfg.QUEUE_PREFIX),
    sessions,
    blobs: new BlobStore(path.join(cfg.dataDir, 'blobs'), cfg.DATA_ENCRYPTION_KEY),
  };
  return {
    ctx,
    database,
    async close() {
      await sessions.close();
      await jobs.close();
      redis.disconnect();
      await database.close();
    },
  };
}
