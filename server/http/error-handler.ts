import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { logger } from '../logger';
import { INVALID_TEXT_REPRESENTATION, pgErrorCode } from '../errors/pg-error';

const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** PostgreSQL or Redis being unreachable is a 503 the client can retry, not a 500. */
export function isUnavailableError(err: unknown): boolean {
  const e = err as { code?: string; message?: string; name?: string; cause?: unknown } | undefined;
  if (!e) return false;
  const sqlState = pgErrorCode(err);
  if (sqlState && PG_UNAVAILABLE.has(sqlState)) return true;
  if ((e.code && (PG_UNAVAILABLE.has(e.code) || NET_UNAVAILABLE.has(e.code))) || e.name === 'MaxRetriesPerRequestError') return true;
  const msg = e.message ?? '';
  if (/Connection terminated|timeout exceeded when trying to connect|Stream isn't writeable|Connection is closed|connect ECONNREFUSED|the database system is (starting up|shutting down)/i.test(msg)) return true;
  return e.cause ? isUnavailableError(e.cause) : false;
}

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction) {
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else if (isUnavailableError(err)) appError = new AppError('unavailable', 'A backing service (database or queue) is unavailable; try again in a moment');
  // A malformed id in the path (e.g. not a UUID) names nothing that exists.
  else if (pgErrorCode(err) === INVALID_TEXT_REPRESENTATION) appError = new AppError('not_found', 'Not found');
  else if ((err as { type?: string }).type === 'entity.parse.failed') appError = new AppError('bad_request', 'The request body is not valid JSON');
  else if ((err as { type?: string }).type === 'entity.too.large') appError = new AppError('payload_too_large', 'The request body is too large');
  else if ((err as { status?: number }).status === 400) appError = new AppError('bad_request', (err as Error).message);
  else appError = new AppError('internal', 'Something went wrong on our side; the error was logged');

  const log = appError.status >= 500 ? logger.error.bind(logger) : logger.debug.bind(logger);
  // Log the error's class and stack, never request bodies: they may hold partner data.
  log({ requestId: req.requestId, code: appError.code, path: req.path, err: appError.status === 500 ? err : undefined }, appError.message);
  if (res.headersSent) return res.destroy();
  if (appError.code === 'unavailable') res.setHeader('Retry-After', '5');
  // A refused upload may leave request bytes unread: close the connection rather than reuse it.
  if (!req.complete) res.setHeader('Connection', 'close');
  res.status(appError.status).json({ code: appError.code, message: appError.message, ...appError.details, requestId: req.requestId });
}
