import { and, eq } from 'drizzle-orm';
import { anonymizationPolicies, anonymizationRuns, releases, releaseSignoffs } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { hasRole, SYSTEM_ACTOR } from '../../auth/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors/app-error';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../errors/pg-error';
import { releaseLifecycle } from '../../workflow/tables';
import { enqueuePublication } from '../publication/enqueue-publication';
import { releaseBinding, transitionRelease, transitionReleaseIn, type ReleaseAction } from './release-workflow';

const BY_HAND: ReleaseAction[] = ['start_anonymization', 'reject_signoff', 'publish', 'retract'];

export interface ReleaseActionInput {
  reason?: string;
  policyId?: string;
}

/** Starts the release's anonymization under a policy: a run row (with the policy as it is now), then its job. */
async function startAnonymization(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, policyId: string | undefined) {
  if (!policyId) throw new AppError('validation', 'Choose the anonymization policy to run', { fields: [{ path: 'policyId', message: 'Required' }] });
  const [policy] = await ctx.db.select().from(anonymizationPolicies).where(eq(anonymizationPolicies.id, policyId));
  if (!policy) throw new AppError('validation', 'Unknown policy', { fields: [{ path: 'policyId', message: 'No such policy' }] });
  let runId = '';
  await transitionRelease(ctx.db, actor, meta, id, 'start_anonymization', {
    async effect(tx) {
      const [run] = await tx.insert(anonymizationRuns).values({
        releaseId: id, policyId: policy.id, policySnapshot: policy.policy, startedBy: actor.id,
      }).returning();
      runId = run.id;
      await tx.update(releases).set({ approvedRunId: null }).where(eq(releases.id, id));
      return { runId, policy: `${policy.name} v${policy.version}` };
    },
  });
  await ctx.jobs.enqueue('anonymization.run', { runId }, { jobId: `anonymize-${runId}`, entity: { type: 'anonymization_run', id: runId }, requestedBy: actor.id });
  return { runId };
}

export async function actOnRelease(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, action: string, input: ReleaseActionInput) {
  if (action === 'sign_off') throw new AppError('bad_request', 'Sign off through POST /api/releases/:id/signoffs');
  if (!releaseLifecycle.transitions.some((t) => t.action === action)) throw new AppError('bad_request', `Unknown action "${action}" for a release`);
  if (!BY_HAND.includes(action as ReleaseAction)) throw new AppError('forbidden', `"${action}" is done by the system, not by hand`);
  if (action === 'start_anonymization') return startAnonymization(ctx, actor, meta, id, input.policyId);
  const result = await transitionRelease(ctx.db, actor, meta, id, action as ReleaseAction, {
    reason: input.reason,
    async effect(tx, row) {
      if (action === 'reject_signoff') {
        // A rejection returns the release to draft and opens a new sign-off round.
        await tx.update(releases).set({ signoffRound: row.signoffRound + 1 }).where(eq(releases.id, id));
        await tx.insert(releaseSignoffs).values({ releaseId: id, round: row.signoffRound, role: hasRole(actor, 'privacy_officer') ? 'privacy_officer' : 'release_manager', decision: 'reject', userId: actor.id!, comment: input.reason ?? '' });
      }
      if (action === 'retract') await tx.update(releases).set({ retractedAt: new Date(), retractionReason: input.reason ?? null }).where(eq(releases.id, id));
    },
  });
  if (action === 'publish') await enqueuePublication(ctx.jobs, id, String(result.auditEventId));
  return result;
}

/**
 * One sign-off: a privacy officer or a release manager, not the composer, not someone who already
 * signed this round. The second approval (both roles present) approves the release in the same
 * transaction, through the release gate (no unresolved differencing exposure).
 */
export async function signOffRelease(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, input: { role: 'privacy_officer' | 'release_manager'; comment: string }) {
  if (!hasRole(actor, input.role)) throw new AppError('forbidden', `You do not hold the ${input.role.replace('_', ' ')} role`);
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await releaseBinding.lockRow(tx, id);
      if (!row) throw notFound('Release');
      if (row.status !== 'in_review') throw new AppError('conflict', `Release ${row.version} is ${row.status.replace('_', ' ')}: sign-off happens in review`);
      for (const name of ['notComposer', 'notOtherSigner'] as const) {
        const failure = await releaseBinding.guards![name]({ tx, row, actor, transition: releaseLifecycle.transitions.find((t) => t.action === 'sign_off')! });
        if (failure) throw new AppError('guard_failed', failure, { guard: name });
      }
      await tx.insert(releaseSignoffs).values({ releaseId: id, round: row.signoffRound, role: input.role, decision: 'approve', userId: actor.id!, comment: input.comment });
      await recordAuditEvent(tx, actor, meta, {
        action: 'release.sign_off', entityType: 'release', entityId: id, fromState: 'in_review', toState: 'in_review', details: { role: input.role, round: row.signoffRound, comment: input.comment },
      });
      const approvals = await tx.select({ role: releaseSignoffs.role }).from(releaseSignoffs)
        .where(and(eq(releaseSignoffs.releaseId, id), eq(releaseSignoffs.round, row.signoffRound), eq(releaseSignoffs.decision, 'approve')));
      const roles = new Set(approvals.map((a) => a.role));
      if (roles.has('privacy_officer') && roles.has('release_manager')) {
        await transitionReleaseIn(tx, SYSTEM_ACTOR, meta, id, 'approve', { details: { round: row.signoffRound } });
        return { status: 'approved' as const };
      }
      return { status: 'in_review' as const };
    });
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw new AppError('conflict', `This release already has a ${input.role.replace('_', ' ')} sign-off`);
    throw err;
  }
}
