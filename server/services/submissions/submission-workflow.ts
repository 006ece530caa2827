import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { mappingVersions, partners, submissions } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { isPartnerUser } from '../../auth/actor';
import { performTransition, type TransitionRequest, type WorkflowBinding } from '../../workflow/engine';
import { drizzleStatusAccess } from '../../workflow/drizzle-binding';
import { submissionProcessing } from '../../workflow/tables';

export type SubmissionRow = typeof submissions.$inferSelect;
export type SubmissionAction = (typeof submissionProcessing.transitions)[number]['action'];

export async function approvedMappingOf(db: Db | Parameters<Parameters<Db['transaction']>[0]>[0], partnerId: string) {
  const [row] = await db.select().from(mappingVersions)
    .where(and(eq(mappingVersions.partnerId, partnerId), eq(mappingVersions.status, 'approved'))).limit(1);
  return row ?? null;
}

export const submissionBinding: WorkflowBinding<SubmissionRow['status'], SubmissionAction, SubmissionRow> = {
  workflow: submissionProcessing,
  label: 'Submission',
  ...drizzleStatusAccess<SubmissionRow>({ table: submissions, id: submissions.id, status: submissions.status, updatedAt: submissions.updatedAt }),
  canAccess: (actor, row) => !isPartnerUser(actor) || actor.partnerId === row.partnerId,
  guards: {
    async approvedMapping({ tx, row }) {
      return (await approvedMappingOf(tx, row.partnerId)) ? null : 'This partner has no approved mapping yet: a second steward must approve one first';
    },
    async partnerMaySubmit({ tx, row }) {
      const [p] = await tx.select({ status: partners.status, keep: partners.keepContributions }).from(partners).where(eq(partners.id, row.partnerId));
      return p?.status === 'active' ? null : `The partner is ${p?.status.replace('_', ' ')}: its data cannot be harmonized now`;
    },
  },
};

export function transitionSubmission(
  db: Db, actor: Actor, meta: RequestMeta, id: string, action: SubmissionAction,
  extra: Partial<TransitionRequest<SubmissionAction, SubmissionRow>> = {},
) {
  return performTransition(db, submissionBinding, { id, action, actor, meta, ...extra });
}
