import Redis, { type RedisOptions } from 'ioredis';

/**
 * Workers need `maxRetriesPerRequest: null` (BullMQ blocks on Redis); the API wants commands to
 * fail fast while Redis is down so requests get a clean 503.
 */
export function redisConnection(url: string, role: 'api' | 'worker', extra: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 3_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
  // Connection errors are retried by ioredis; an unhandled 'error' event would crash the process.
  redis.on('error', () => undefined);
  return redis;
}
