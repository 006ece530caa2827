import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { anonymizationRuns, releases } from '../../../db/schema';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { SYSTEM_ACTOR, type Actor, type RequestMeta } from '../../auth/actor';
import { AppError, conflict, notFound } from '../../errors/app-error';
import { transitionReleaseIn } from '../releases/release-workflow';
import { transitionRun, type RunRow } from './run-workflow';

export type RunDecision = 'approve' | 'reject';

/**
 * A privacy officer's decision on a completed run, in one transaction with its release: approving
 * sends the release to review with this run as the one to publish; rejecting returns it to draft.
 */
export async function decideRun(db: Db, actor: Actor, meta: RequestMeta, runId: string, decision: string, reason?: string) {
  if (decision !== 'approve' && decision !== 'reject') throw new AppError('bad_request', `Unknown action "${decision}" for an anonymization run: approve or reject`);
  return transitionRun(db, actor, meta, runId, decision, {
    reason,
    async before(tx, run) {
      // Only the release's latest run can be judged: an older one may no longer match what it holds.
      const [latest] = await tx.select({ id: anonymizationRuns.id }).from(anonymizationRuns)
        .where(eq(anonymizationRuns.releaseId, run.releaseId)).orderBy(desc(anonymizationRuns.createdAt)).limit(1);
      if (latest && latest.id !== run.id) throw conflict('A newer anonymization run of this release exists: decide on that one');
    },
    async effect(tx, run) {
      await tx.update(anonymizationRuns)
        .set({ decidedBy: actor.id, decidedAt: new Date(), decisionReason: reason?.trim() || null })
        .where(eq(anonymizationRuns.id, runId));
      const release = await transitionReleaseIn(tx, SYSTEM_ACTOR, meta, run.releaseId, decision === 'approve' ? 'run_approved' : 'run_rejected', {
        reason: reason?.trim() || null,
        details: { runId, decidedBy: actor.id },
        async effect(t) {
          if (decision === 'approve') await t.update(releases).set({ approvedRunId: runId }).where(eq(releases.id, run.releaseId));
        },
      });
      return { releaseId: run.releaseId, releaseStatus: release.to };
    },
  });
}

/**
 * The privacy officer accepts the differencing exposure of a run, with a reason, so the release
 * gate lets it through. Recorded once; the audit event keeps who and why.
 */
export async function overrideDifferencing(db: Db, actor: Actor, meta: RequestMeta, runId: string, reason: string): Promise<RunRow> {
  return db.transaction(async (tx) => {
    const [run] = await tx.select().from(anonymizationRuns).where(eq(anonymizationRuns.id, runId)).for('update');
    if (!run) throw notFound('Anonymization run');
    if (!run.differencing?.length) throw new AppError('unprocessable', 'This run has no differencing exposure to override');
    if (run.differencingOverrideReason) throw conflict('The differencing exposure of this run was already overridden');
    const [release] = await tx.select({ status: releases.status }).from(releases).where(eq(releases.id, run.releaseId));
    if (release && ['published', 'retracted'].includes(release.status)) throw conflict(`The release is ${release.status}: its differencing can no longer be overridden`);
    const [updated] = await tx.update(anonymizationRuns)
      .set({ differencingOverrideReason: reason, differencingOverrideBy: actor.id, updatedAt: sql`now()` })
      .where(and(eq(anonymizationRuns.id, runId), isNull(anonymizationRuns.differencingOverrideReason), inArray(anonymizationRuns.status, ['completed', 'approved'])))
      .returning();
    if (!updated) throw conflict(`The run is ${run.status}: only a completed or approved run's differencing can be overridden`);
    await recordAuditEvent(tx, actor, meta, {
      action: 'anonymization_run.differencing_override', entityType: 'anonymization_run', entityId: runId, reason,
      details: { releaseId: run.releaseId, exposures: run.differencing.length },
    });
    return updated;
  });
}
