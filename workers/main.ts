import { createDatabase } from '../db/client';
import { config } from '../server/config';
import { logger } from '../server/logger';
import { BlobStore } from '../server/storage/blob-store';
import path from 'node:path';
import { HANDLERS } from './jobs';
import { redisConnection } from './queues/connection';
import { JobClient } from './queues/job-client';
import { startWorkerPool } from './worker-pool';

async function main() {
  const cfg = config();
  const database = createDatabase(cfg.appDatabaseUrl, { max: 10 });
  const connection = redisConnection(cfg.REDIS_URL, 'worker');
  const jobs = new JobClient(database.db, redisConnection(cfg.REDIS_URL, 'api'), cfg.QUEUE_PREFIX);
  const blobs = new BlobStore(path.join(cfg.dataDir, 'blobs'), cfg.DATA_ENCRYPTION_KEY);
  const log = logger.child({ process: 'workers' });
  const pool = await startWorkerPool({
    connection, prefix: cfg.QUEUE_PREFIX, handlers: HANDLERS, concurrency: cfg.WORKER_CONCURRENCY, schedules: true, lockMs: cfg.WORKER_LOCK_MS,
    deps: { db: database.db, pool: database.pool, cfg, blobs, jobs, log },
  });
  log.info({ queues: pool.workers.map((w) => w.name) }, 'workers started');

  // Graceful shutdown: let running jobs finish their current step, then close connections.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping workers');
    await pool.close();
    await jobs.close();
    connection.disconnect();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  logger.fatal({ err: err.message }, 'workers failed to start');
  process.exit(1);
});
