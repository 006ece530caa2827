import type { Router } from 'express';
import type { AppContext } from '../context';
import { registerAgreementRoutes } from './agreements';
import { registerAnonymizationRoutes } from './anonymization';
import { registerAuditRoutes } from './audit';
import { registerAuthRoutes } from './auth';
import { registerJobRoutes } from './jobs';
import { registerMappingRoutes } from './mappings';
import { registerNotificationRoutes } from './notifications';
import { registerPartnerRoutes } from './partners';
import { registerPublicationRoutes } from './public';
import { registerDashboardRoutes } from './dashboard';
import { registerReleaseRoutes } from './releases';
import { registerReportRoutes } from './reports';
import { registerSubmissionRoutes } from './submissions';
import { registerSystemRoutes } from './system';
import { registerUserRoutes } from './users';

/** Every API route, by domain. A route exists only if one of these declares it. */
export function registerRoutes(router: Router, ctx: AppContext) {
  registerSystemRoutes(router, ctx);
  registerAuthRoutes(router, ctx);
  registerUserRoutes(router, ctx);
  registerAuditRoutes(router, ctx);
  registerJobRoutes(router, ctx);
  registerNotificationRoutes(router, ctx);
  registerDashboardRoutes(router, ctx);
  registerPartnerRoutes(router, ctx);
  registerAgreementRoutes(router, ctx);
  registerSubmissionRoutes(router, ctx);
  registerMappingRoutes(router, ctx);
  registerAnonymizationRoutes(router, ctx);
  registerReleaseRoutes(router, ctx);
  registerPublicationRoutes(router, ctx);
  registerReportRoutes(router, ctx);
}
