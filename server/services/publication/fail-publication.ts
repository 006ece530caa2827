import { and, inArray, like, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { jobRuns } from '../../../db/schema';
import { SYSTEM_ACTOR, type RequestMeta } from '../../auth/actor';
import { AppError } from '../../errors/app-error';
import { activeUsersWithRole, notify } from '../notifications/notify';
import { transitionRelease } from '../releases/release-workflow';

/**
 * A publication that cannot finish: the release goes back publishing → approved with the reason,
 * so a release manager can publish again (recorded artifacts are kept and reused). The other jobs
 * of the same flow, which BullMQ fails without running, are marked failed in job_runs too.
 */
export async function failPublication(db: Db, releaseId: string, reason: string, meta: RequestMeta, flow?: { flowId: string; currentJobId: string }) {
  const text = reason.slice(0, 1000);
  try {
    await transitionRelease(db, SYSTEM_ACTOR, meta, releaseId, 'publishing_failed', {
      reason: text,
      async effect(tx) {
        const managers = await activeUsersWithRole(tx, 'release_manager');
        await notify(tx, managers, {
          kind: 'release.publishing_failed', title: 'Publishing failed', body: text,
          entityType: 'release', entityId: releaseId, dedupeKey: `publishing-failed-${flow?.flowId ?? releaseId}`,
        });
      },
    });
  } catch (err) {
    // Already moved (another job of the flow failed first, or the release is no longer publishing).
    if (!(err instanceof AppError && (err.code === 'conflict' || err.code === 'not_found'))) throw err;
  }
  if (flow) {
    await db.update(jobRuns)
      .set({ status: 'failed', error: `Stopped: ${text}`, finishedAt: new Date(), updatedAt: new Date() })
      .where(and(like(jobRuns.jobId, `${flow.flowId}%`), ne(jobRuns.jobId, flow.currentJobId), inArray(jobRuns.status, ['queued', 'active', 'retrying'])));
  }
}
