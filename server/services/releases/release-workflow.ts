import { and, count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { anonymizationRuns, releases, releaseSignoffs, releaseSubmissions } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { performTransition, performTransitionIn, type TransitionRequest, type WorkflowBinding } from '../../workflow/engine';
import { drizzleStatusAccess } from '../../workflow/drizzle-binding';
import { releaseLifecycle } from '../../workflow/tables';

export type ReleaseRow = typeof releases.$inferSelect;
export type ReleaseAction = (typeof releaseLifecycle.transitions)[number]['action'];

/** Differencing exposures of the approved run that no privacy officer has overridden with a reason. */
export async function unresolvedDifferencing(tx: Tx | Db, runId: string | null): Promise<number> {
  if (!runId) return 0;
  const [run] = await tx.select({ differencing: anonymizationRuns.differencing, override: anonymizationRuns.differencingOverrideReason })
    .from(anonymizationRuns).where(eq(anonymizationRuns.id, runId));
  return run && !run.override ? (run.differencing?.length ?? 0) : 0;
}

export const releaseBinding: WorkflowBinding<ReleaseRow['status'], ReleaseAction, ReleaseRow> = {
  workflow: releaseLifecycle,
  label: 'Release',
  ...drizzleStatusAccess<ReleaseRow>({ table: releases, id: releases.id, status: releases.status, updatedAt: releases.updatedAt }),
  guards: {
    async hasSubmissions({ tx, row }) {
      const [{ n }] = await tx.select({ n: count() }).from(releaseSubmissions).where(eq(releaseSubmissions.releaseId, row.id));
      return n > 0 ? null : 'Add at least one harmonized submission to the release first';
    },
    notComposer: ({ row, actor }) =>
      actor.id && row.composedBy === actor.id ? 'Four-eyes rule: you composed this release, so others must sign it off' : null,
    async notOtherSigner({ tx, row, actor }) {
      const signed = await tx.select({ role: releaseSignoffs.role }).from(releaseSignoffs)
        .where(and(eq(releaseSignoffs.releaseId, row.id), eq(releaseSignoffs.round, row.signoffRound), eq(releaseSignoffs.userId, actor.id ?? ''), eq(releaseSignoffs.decision, 'approve')));
      return signed.length ? 'You already signed this release off: the other sign-off must come from another person' : null;
    },
    async noUnresolvedDifferencing({ tx, row }) {
      const n = await unresolvedDifferencing(tx, row.approvedRunId);
      return n ? `${n} QI class(es) could be isolated by differencing against the previous release: a privacy officer must record an override with a reason first` : null;
    },
  },
};

export function transitionRelease(db: Db, actor: Actor, meta: RequestMeta, id: string, action: ReleaseAction, extra: Partial<TransitionRequest<ReleaseAction, ReleaseRow>> = {}) {
  return performTransition(db, releaseBinding, { id, action, actor, meta, ...extra });
}

export function transitionReleaseIn(tx: Tx, actor: Actor, meta: RequestMeta, id: string, action: ReleaseAction, extra: Partial<TransitionRequest<ReleaseAction, ReleaseRow>> = {}) {
  return performTransitionIn(tx, releaseBinding, { id, action, actor, meta, ...extra });
}
