import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE } from '../auth/sessions';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import type { RequestMeta } from '../auth/actor';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function requestId(req: Request, res: Response, next: NextFunction) {
  const incoming = req.headers['x-request-id'];
  req.requestId = typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', req.requestId);
  next();
}

export const requestMeta = (req: Request): RequestMeta => ({ requestId: req.requestId, ip: req.ip });

/** Loads the signed-in user from the server-side session named by the cookie, if any (see session-cache.ts). */
export function authenticate(ctx: AppContext) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const token = readCookie(req, SESSION_COOKIE);
      if (token) {
        const found = await ctx.sessions.find(token);
        if (found) {
          req.sessionToken = token;
          req.csrfToken = found.csrfToken;
          req.actor = { id: found.user.id, name: found.user.name, roles: found.user.roles, partnerId: found.user.partnerId };
        }
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State changes need the session's CSRF token in a header (a cross-site form cannot set one),
 * and a cross-origin Origin header is refused outright.
 */
export function csrfProtection(req: Request, _res: Response, next: NextFunction) {
  if (SAFE.has(req.method)) return next();
  const origin = req.headers.origin;
  if (origin && new URL(origin).host !== req.headers.host) {
    return next(new AppError('forbidden', 'Cross-origin request refused'));
  }
  if (!req.sessionToken) {
    // Without a session only JSON requests (sign-in) get through: a cross-site form cannot send JSON.
    if (!req.is('application/json')) return next(new AppError('forbidden', 'Request refused: send JSON'));
    return next();
  }
  const sent = req.headers['x-csrf-token'];
  const expected = req.csrfToken ?? '';
  if (typeof sent !== 'string' || sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
    return next(new AppError('forbidden', 'Missing or invalid CSRF token; reload the page and try again'));
  }
  next();
}
