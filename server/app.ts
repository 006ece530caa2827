import fs from 'node:fs';
import path from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import pinoHttp from 'pino-http';
import { rolesAllow } from './auth/permissions';
import type { AppContext } from './context';
import { AppError } from './errors/app-error';
import { authenticate, csrfProtection, requestId } from './http/authenticate';
import { errorHandler } from './http/error-handler';
import { openApiDocument } from './http/openapi';
import { logger } from './logger';
import { registerRoutes } from './routes';
import { releasesPageRouter } from './routes/public';

const UI_DIST = path.resolve(__dirname, '..', 'admin-ui', 'dist');

export function createApp(ctx: AppContext) {
  const app = express();
  app.disable('x-powered-by');
  // No ETag hashed over every body: API answers are no-store, so nothing would ever revalidate one
  // (that hash was 4 % of the API's CPU on the records page). Static files and published
  // downloads set their own validators.
  app.set('etag', false);
  app.set('trust proxy', ctx.cfg.TRUST_PROXY);
  app.use(requestId);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"], objectSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // The access log: a line per request at level info. Only mounted when those lines are written:
  // pino-http builds two child loggers per request, serializing the request for one of them, even
  // when its lines fall below the level, and that was a sixth of the API's CPU on a page of records.
  if (logger.isLevelEnabled('info')) {
    app.use(pinoHttp({
      logger, genReqId: (req) => (req as Request).requestId, quietReqLogger: true, autoLogging: ctx.cfg.NODE_ENV !== 'test',
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress: string }) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }));
  }

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(authenticate(ctx));
  api.use(csrfProtection);
  // API responses are never cached: they may hold personal data.
  api.use((_req, res, next) => { res.setHeader('Cache-Control', 'no-store'); next(); });
  registerRoutes(api, ctx);
  api.get('/openapi.json', (_req, res) => { res.json(openApiDocument()); });
  api.use((req: Request, _res: Response, next: NextFunction) => next(new AppError('not_found', `No API route ${req.method} ${req.path}`)));
  app.use('/api', api);

  // Bull Board: admins only, behind the same session and CSRF rules.
  const board = new ExpressAdapter();
  board.setBasePath('/admin/queues');
  createBullBoard({ queues: Object.values(ctx.jobs.queues).map((q) => new BullMQAdapter(q)), serverAdapter: board });
  app.use(
    '/admin/queues',
    authenticate(ctx),
    csrfProtection,
    (req: Request, _res: Response, next: NextFunction) => {
      if (!req.actor) return next(new AppError('unauthenticated', 'Please sign in'));
      if (!rolesAllow(req.actor.roles, 'jobs.board')) return next(new AppError('forbidden', 'Admins only'));
      next();
    },
    helmet({ contentSecurityPolicy: false }),
    board.getRouter(),
  );

  // The public page of published releases, for researchers: no sign-in, no JavaScript needed.
  app.use(releasesPageRouter(ctx));

  if (fs.existsSync(path.join(UI_DIST, 'index.html'))) {
    app.use(express.static(UI_DIST, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|admin\/queues).*/, (_req, res) => res.sendFile(path.join(UI_DIST, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
