import type Redis from 'ioredis';
import type { Db } from '../db/client';
import type { Config } from './config';
import type { LoginRateLimiter } from './auth/login-rate-limit';
import type { SessionCache } from './auth/session-cache';
import type { JobClient } from '../workers/queues/job-client';
import type { BlobStore } from './storage/blob-store';

/** What the API's routes and services are given; built once in main.ts (and by tests). */
export interface AppContext {
  cfg: Config;
  db: Db;
  redis: Redis;
  jobs: JobClient;
  loginLimiter: LoginRateLimiter;
  /** Sessions checked by this process, forgotten on every change (see session-cache.ts). */
  sessions: SessionCache;
  blobs: BlobStore;
}
