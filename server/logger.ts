import pino from 'pino';

/**
 * Structured logs. Never log record values from partner data: log ids, counts and codes only.
 * Request bodies are never logged; cookies and authorization headers are redacted.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
  base: { service: process.env.CTDC_SERVICE ?? 'ctdc' },
});
export type Logger = typeof logger;
