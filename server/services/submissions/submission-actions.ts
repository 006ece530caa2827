import { eq } from 'drizzle-orm';
import { submissions } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import type { AppContext } from '../../context';
import { AppError } from '../../errors/app-error';
import { submissionProcessing } from '../../workflow/tables';
import { approvedMappingOf, transitionSubmission, type SubmissionAction } from './submission-workflow';

const STEWARD_ACTIONS: SubmissionAction[] = ['harmonize', 'retry', 'reject'];

/** A steward's action on a submission; starting work enqueues its job once the transition is committed. */
export async function actOnSubmission(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, action: string, reason?: string) {
  if (!submissionProcessing.transitions.some((t) => t.action === action)) throw new AppError('bad_request', `Unknown action "${action}" for a submission`);
  if (!STEWARD_ACTIONS.includes(action as SubmissionAction)) {
    throw new AppError('forbidden', `"${action}" is done by the system, not by hand`);
  }
  let mappingVersionId: string | null = null;
  const result = await transitionSubmission(ctx.db, actor, meta, id, action as SubmissionAction, {
    reason,
    async effect(tx, row) {
      if (action === 'harmonize') {
        const mapping = await approvedMappingOf(tx, row.partnerId);
        mappingVersionId = mapping!.id;
        await tx.update(submissions).set({ mappingVersionId, failureReason: null, failureDetails: null }).where(eq(submissions.id, id));
        return { mappingVersionId, mappingVersion: mapping!.version };
      }
      if (action === 'retry') {
        await tx.update(submissions).set({ failureReason: null, failureDetails: null }).where(eq(submissions.id, id));
      }
      if (action === 'reject') {
        await tx.update(submissions).set({ failureReason: reason ?? null }).where(eq(submissions.id, id));
      }
    },
  });
  // Job ids carry the audit event id: each start is its own job, and a retried job is the same one.
  const entity = { type: 'submission', id };
  if (action === 'harmonize') {
    await ctx.jobs.enqueue('submissions.harmonize', { submissionId: id, mappingVersionId: mappingVersionId! }, {
      jobId: `harmonize-${id}-${result.auditEventId}`, entity, requestedBy: actor.id,
    });
  } else if (action === 'retry') {
    await ctx.jobs.enqueue('submissions.profile', { submissionId: id }, { jobId: `profile-${id}-${result.auditEventId}`, entity, requestedBy: actor.id });
  }
  return result;
}
