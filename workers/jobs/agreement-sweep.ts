import { mailNotifications } from '../../server/services/notifications/mailer';
import { sweepAgreements } from '../../server/services/partners/agreement-sweep';
import type { JobHandler } from '../runtime';
import { jobStep } from '../../server/domain/job-steps';

export const agreementSweepJob: JobHandler<'partners.agreement-sweep'> = async (payload, ctx) => {
  const asOf = payload.asOf ?? new Date().toISOString().slice(0, 10);
  await ctx.progress(10, jobStep('checking_agreements'));
  const { created, ...summary } = await sweepAgreements(ctx.db, asOf);
  await ctx.progress(80, jobStep('sending_notifications'));
  await mailNotifications(ctx.db, ctx.cfg, created);
  return { asOf, ...summary };
};
