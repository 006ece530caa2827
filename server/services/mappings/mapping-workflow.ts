import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { mappingVersions, submissions } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { validateMapping } from '../../domain/mapping';
import { getStandard } from '../../domain/standard';
import { SYSTEM_ACTOR } from '../../auth/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { fourEyes, performTransition, type WorkflowBinding } from '../../workflow/engine';
import { drizzleStatusAccess } from '../../workflow/drizzle-binding';
import { mappingReview } from '../../workflow/tables';

export type MappingRow = typeof mappingVersions.$inferSelect;
type MappingAction = (typeof mappingReview.transitions)[number]['action'];

/** The file layout a version is checked against: the profile of the submission it was written for. */
export async function mappingContext(db: Db | Tx, row: MappingRow) {
  const [base] = row.basedOnSubmissionId
    ? await db.select({ profile: submissions.profile }).from(submissions).where(eq(submissions.id, row.basedOnSubmissionId))
    : [];
  const profile = base?.profile ?? undefined;
  return { standard: getStandard(row.standardId), header: profile?.columns.map((c) => c.name) ?? [], profile };
}

export const mappingBinding: WorkflowBinding<MappingRow['status'], MappingAction, MappingRow> = {
  workflow: mappingReview,
  label: 'Mapping version',
  ...drizzleStatusAccess<MappingRow>({ table: mappingVersions, id: mappingVersions.id, status: mappingVersions.status, updatedAt: mappingVersions.updatedAt }),
  guards: {
    fourEyes: fourEyes((row) => [row.authorId, row.submittedBy], 'this mapping version'),
    async mappingValid({ tx, row }) {
      const ctx = await mappingContext(tx, row);
      if (!ctx.profile) return 'The mapping must be based on a profiled submission of this partner';
      const result = validateMapping(row.spec, ctx);
      return result.ok ? null : `The mapping has ${result.errors.length} problem(s): ${result.errors.slice(0, 3).map((e) => e.message).join('; ')}`;
    },
  },
};

export function transitionMapping(db: Db, actor: Actor, meta: RequestMeta, id: string, action: string, reason?: string) {
  return performTransition(db, mappingBinding, {
    id, action: action as MappingAction, actor, meta, reason,
    async before(tx, row) {
      if (action !== 'approve') return;
      // Approving supersedes the partner's previous approved version, first (one approved at a time).
      const [previous] = await tx.update(mappingVersions).set({ status: 'superseded' })
        .where(and(eq(mappingVersions.partnerId, row.partnerId), eq(mappingVersions.status, 'approved'))).returning();
      if (previous) {
        await recordAuditEvent(tx, SYSTEM_ACTOR, meta, {
          action: 'mapping_version.supersede', entityType: 'mapping_version', entityId: previous.id, fromState: 'approved', toState: 'superseded',
          details: { supersededBy: row.id, version: previous.version },
        });
      }
    },
    async effect(tx) {
      const now = new Date();
      if (action === 'submit') await tx.update(mappingVersions).set({ submittedBy: actor.id, submittedAt: now }).where(eq(mappingVersions.id, id));
      if (action === 'approve') await tx.update(mappingVersions).set({ reviewedBy: actor.id, approvedAt: now }).where(eq(mappingVersions.id, id));
      if (action === 'request_changes') await tx.update(mappingVersions).set({ reviewedBy: actor.id }).where(eq(mappingVersions.id, id));
    },
  });
}
