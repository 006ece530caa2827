import type { Db, Tx } from '../../../db/client';
import { anonymizationRuns } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { fourEyes, performTransition, performTransitionIn, type TransitionRequest, type WorkflowBinding } from '../../workflow/engine';
import { drizzleStatusAccess } from '../../workflow/drizzle-binding';
import { anonymizationRun } from '../../workflow/tables/anonymization-run';

export type RunRow = typeof anonymizationRuns.$inferSelect;
export type RunAction = (typeof anonymizationRun.transitions)[number]['action'];

export const runBinding: WorkflowBinding<RunRow['status'], RunAction, RunRow> = {
  workflow: anonymizationRun,
  label: 'Anonymization run',
  ...drizzleStatusAccess<RunRow>({ table: anonymizationRuns, id: anonymizationRuns.id, status: anonymizationRuns.status, updatedAt: anonymizationRuns.updatedAt }),
  guards: {
    fourEyes: fourEyes((row) => [row.startedBy], 'this anonymization run'),
  },
};

type Extra = Partial<TransitionRequest<RunAction, RunRow>>;

export function transitionRun(db: Db, actor: Actor, meta: RequestMeta, id: string, action: RunAction, extra: Extra = {}) {
  return performTransition(db, runBinding, { id, action, actor, meta, ...extra });
}

export function transitionRunIn(tx: Tx, actor: Actor, meta: RequestMeta, id: string, action: RunAction, extra: Extra = {}) {
  return performTransitionIn(tx, runBinding, { id, action, actor, meta, ...extra });
}
