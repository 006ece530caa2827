import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { anonymizationRuns, releases } from '../../../db/schema';
import { hasRole, type Actor } from '../../auth/actor';
import type { WaitingItem } from '../dashboard/waiting-item';

/** Privacy officers: completed runs someone else started, waiting for an approve or reject. */
export async function runsWaitingForDecision(db: Db, actor: Actor): Promise<WaitingItem[]> {
  if (!hasRole(actor, 'privacy_officer') || !actor.id) return [];
  const rows = await db.select({ id: anonymizationRuns.id, version: releases.version })
    .from(anonymizationRuns).innerJoin(releases, eq(releases.id, anonymizationRuns.releaseId))
    .where(and(eq(anonymizationRuns.status, 'completed'), or(isNull(anonymizationRuns.startedBy), ne(anonymizationRuns.startedBy, actor.id))));
  return rows.map((r) => ({
    kind: 'anonymization_run_decision', title: `Release ${r.version}: anonymization run to judge`, entityType: 'anonymization_run', entityId: r.id, state: 'completed',
  }));
}
