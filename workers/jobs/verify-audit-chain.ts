import { verifyAuditChain } from '../../server/audit/verify-audit-chain';
import type { JobHandler } from '../runtime';
import { jobStep } from '../../server/domain/job-steps';

export const verifyAuditChainJob: JobHandler<'audit.verify-chain'> = async (_payload, ctx) => {
  await ctx.progress(5, jobStep('walking_audit_chain'));
  const result = await verifyAuditChain(ctx.db);
  if (!result.ok) {
    ctx.log.error({ brokenAt: result.firstBrokenLink?.id }, 'audit chain is broken');
    throw new Error(`Audit chain broken at event ${result.firstBrokenLink?.id}: ${result.firstBrokenLink?.problem}`);
  }
  return { eventsChecked: result.eventsChecked };
};
