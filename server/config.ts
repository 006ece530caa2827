import path from 'node:path';
import { z } from 'zod';

const hexKey = (what: string) =>
  z.string().regex(/^[0-9a-fA-F]{64}$/, `${what} must be 64 hexadecimal characters (32 bytes)`);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL'),
  DATABASE_APP_USER: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'DATABASE_APP_USER must be a plain role name').default('ctdc_app'),
  DATABASE_APP_PASSWORD: z.string().min(8, 'DATABASE_APP_PASSWORD must be at least 8 characters').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// URL'),
  DATA_DIR: z.string().default('.data'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters'),
  DATA_ENCRYPTION_KEY: hexKey('DATA_ENCRYPTION_KEY'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(2 * 1024 ** 3),
  RAW_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
  DEMO_PASSWORD: z.string().min(8, 'DEMO_PASSWORD must be at least 8 characters').default('demo-password'),
  SMTP_URL: z.string().url('SMTP_URL must be a URL such as smtp://user:pass@host:587').optional(),
  MAIL_FROM: z.string().default('CTDC back office <no-reply@ctdc.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUEUE_PREFIX: z.string().default('ctdc'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** Threads a job splits a large partner file on (unset: one per core; 0: none, all on the job's own thread). */
  READING_THREADS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(64).optional()),
  /** How long a job's lock lasts: a killed worker's job is taken over after about this long. */
  WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  CONTRIBUTION_REPORT_CRON: z.string().trim().regex(/^[\d*/,-]+( [\d*/,-]+){4}$/, 'CONTRIBUTION_REPORT_CRON must be a 5-field cron pattern (UTC), e.g. "0 5 1 1,4,7,10 *"').default('0 5 1 1,4,7,10 *'),
});

export type Config = z.infer<typeof schema> & { DATABASE_APP_PASSWORD: string; appDatabaseUrl: string; dataDir: string };

export class ConfigError extends Error {}

/** Reads and validates the environment once; every bad value is reported, one line each. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  if (cfg.NODE_ENV === 'production' && !cfg.DATABASE_APP_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  - DATABASE_APP_PASSWORD: required in production');
  }
  const appPassword = cfg.DATABASE_APP_PASSWORD ?? `${cfg.DATABASE_APP_USER}-local`;
  const url = new URL(cfg.DATABASE_URL);
  url.username = cfg.DATABASE_APP_USER;
  url.password = appPassword;
  return {
    ...cfg,
    DATABASE_APP_PASSWORD: appPassword,
    appDatabaseUrl: url.toString(),
    dataDir: path.resolve(cfg.DATA_DIR),
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
