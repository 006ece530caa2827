import { and, desc, eq, max, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { mappingComments, mappingVersions, submissions } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { validateMapping } from '../../domain/mapping';
import { suggestMapping } from '../../domain/mapping/suggest';
import type { MappingSpec } from '../../domain/mapping/spec-schema';
import { MappingSpecSchema } from '../../domain/mapping/spec-schema';
import { CURRENT_STANDARD_ID, getStandard } from '../../domain/standard';
import { AppError, notFound } from '../../errors/app-error';
import { mappingContext, type MappingRow } from './mapping-workflow';

/** Approved mappings of other partners: suggestions learn their column names and spellings. */
export async function otherApprovedMappings(db: Db, partnerId: string) {
  const rows = await db.select({ partnerId: mappingVersions.partnerId, spec: mappingVersions.spec }).from(mappingVersions)
    .where(and(eq(mappingVersions.status, 'approved'), ne(mappingVersions.partnerId, partnerId)));
  return rows;
}

export async function profiledSubmission(db: Db, submissionId: string, partnerId: string) {
  const [s] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
  if (!s || s.partnerId !== partnerId) throw notFound('Submission');
  if (!s.profile) throw new AppError('conflict', 'This submission has not been profiled yet');
  return s;
}

export async function suggestionsFor(db: Db, submissionId: string, partnerId: string) {
  const s = await profiledSubmission(db, submissionId, partnerId);
  return suggestMapping(s.profile!, getStandard(CURRENT_STANDARD_ID), { approvedMappings: await otherApprovedMappings(db, partnerId) });
}

/**
 * A new draft version: a copy of the approved one, or the suggestions for a profiled submission.
 * Versions are numbered per partner.
 */
export async function createMappingDraft(
  db: Db, actor: Actor, meta: RequestMeta, partnerId: string,
  input: { basedOnSubmissionId: string; start: 'suggestions' | 'approved' },
) {
  await profiledSubmission(db, input.basedOnSubmissionId, partnerId);
  let spec: MappingSpec;
  let copiedFromId: string | null = null;
  if (input.start === 'approved') {
    const [approved] = await db.select().from(mappingVersions).where(and(eq(mappingVersions.partnerId, partnerId), eq(mappingVersions.status, 'approved')));
    if (!approved) throw new AppError('conflict', 'This partner has no approved mapping to start from');
    spec = approved.spec;
    copiedFromId = approved.id;
  } else {
    spec = MappingSpecSchema.parse((await suggestionsFor(db, input.basedOnSubmissionId, partnerId)).spec);
  }
  return db.transaction(async (tx) => {
    const [{ last }] = await tx.select({ last: max(mappingVersions.version) }).from(mappingVersions).where(eq(mappingVersions.partnerId, partnerId));
    const [row] = await tx.insert(mappingVersions).values({
      partnerId, version: (last ?? 0) + 1, standardId: CURRENT_STANDARD_ID, spec, basedOnSubmissionId: input.basedOnSubmissionId, copiedFromId, authorId: actor.id,
    }).returning();
    await recordAuditEvent(tx, actor, meta, {
      action: 'mapping_version.created', entityType: 'mapping_version', entityId: row.id, toState: 'draft',
      details: { partnerId, version: row.version, start: input.start, copiedFromId },
    });
    return row;
  });
}

/** Edits a draft's rules. The spec must parse; deeper problems are reported, and block submission. */
export async function updateMappingDraft(db: Db, actor: Actor, meta: RequestMeta, id: string, specInput: unknown) {
  const parsed = MappingSpecSchema.safeParse(specInput);
  if (!parsed.success) {
    throw new AppError('validation', 'The mapping is not well formed', {
      fields: parsed.error.issues.map((i) => ({ path: `spec.${i.path.join('.')}`, message: i.message })),
    });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(mappingVersions).where(eq(mappingVersions.id, id)).for('update');
    if (!row) throw notFound('Mapping version');
    if (row.status !== 'draft') throw new AppError('conflict', `Version ${row.version} is ${row.status.replace('_', ' ')}: only a draft can be edited`);
    const [updated] = await tx.update(mappingVersions).set({ spec: parsed.data, authorId: row.authorId ?? actor.id, updatedAt: new Date() })
      .where(eq(mappingVersions.id, id)).returning();
    await recordAuditEvent(tx, actor, meta, { action: 'mapping_version.edited', entityType: 'mapping_version', entityId: id, details: { rules: parsed.data.rules.length } });
    return updated;
  });
}

export async function mappingDetail(db: Db, row: MappingRow) {
  const ctx = await mappingContext(db, row);
  const validation = ctx.profile ? validateMapping(row.spec, ctx) : null;
  const comments = await db.select().from(mappingComments).where(eq(mappingComments.mappingVersionId, row.id)).orderBy(desc(mappingComments.createdAt));
  return {
    ...row,
    sourceColumns: ctx.profile?.columns ?? [],
    problems: validation && !validation.ok ? validation.errors : [],
    warnings: validation?.warnings ?? [],
    comments,
  };
}

export async function addMappingComment(db: Db, actor: Actor, meta: RequestMeta, id: string, input: { variable?: string | null; body: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ id: mappingVersions.id }).from(mappingVersions).where(eq(mappingVersions.id, id));
    if (!row) throw notFound('Mapping version');
    const [comment] = await tx.insert(mappingComments).values({ mappingVersionId: id, variable: input.variable ?? null, authorId: actor.id!, body: input.body }).returning();
    await recordAuditEvent(tx, actor, meta, { action: 'mapping_version.commented', entityType: 'mapping_version', entityId: id, details: { commentId: comment.id, variable: comment.variable } });
    return comment;
  });
}
