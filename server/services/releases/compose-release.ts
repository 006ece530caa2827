import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../../db/client';
import { partners, releases, releaseSubmissions, submissions } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { CURRENT_STANDARD_ID, listStandardIds } from '../../domain/standard';
import { AppError, notFound } from '../../errors/app-error';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../errors/pg-error';

export const releaseBody = z.object({
  version: z.string().trim().regex(/^\d{4}\.\d{1,2}$/, 'Use a version like 2026.2'),
  title: z.string().trim().min(3, 'A title is required').max(300),
  description: z.string().trim().max(4000).nullable().optional(),
  standardId: z.string().refine((s) => listStandardIds().includes(s), 'Unknown standard').default(CURRENT_STANDARD_ID),
  submissionIds: z.array(z.string().uuid()).max(5000).default([]),
}).strict();

export const updateReleaseBody = releaseBody.omit({ version: true, standardId: true }).partial().strict();

/** Harmonized submissions a release may include: from active partners, or offboarded ones that agreed to stay. */
export function eligibleSubmissionsQuery(db: Db | Tx, ids?: string[]) {
  const conds = [
    eq(submissions.status, 'harmonized'),
    or(eq(partners.status, 'active'), and(eq(partners.status, 'offboarded'), eq(partners.keepContributions, true))),
  ];
  if (ids) conds.push(inArray(submissions.id, ids));
  return db
    .select({ id: submissions.id, partnerId: submissions.partnerId, partnerName: partners.name, originalName: submissions.originalName, recordCount: submissions.recordCount, harmonizedAt: submissions.harmonizedAt })
    .from(submissions).innerJoin(partners, eq(partners.id, submissions.partnerId))
    .where(and(...conds))
    .orderBy(sql`${submissions.harmonizedAt} desc`);
}

async function setSubmissions(tx: Tx, releaseId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const eligible = unique.length ? await eligibleSubmissionsQuery(tx, unique) : [];
  const missing = unique.filter((id) => !eligible.some((e) => e.id === id));
  if (missing.length) {
    throw new AppError('validation', `${missing.length} submission(s) cannot be included: only harmonized submissions of active partners (or offboarded ones that agreed to stay) can`, {
      fields: [{ path: 'submissionIds', message: `Not eligible: ${missing.join(', ')}` }],
    });
  }
  await tx.delete(releaseSubmissions).where(eq(releaseSubmissions.releaseId, releaseId));
  if (unique.length) await tx.insert(releaseSubmissions).values(unique.map((submissionId) => ({ releaseId, submissionId })));
  return unique.length;
}

export async function composeRelease(db: Db, actor: Actor, meta: RequestMeta, input: z.infer<typeof releaseBody>) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(releases).values({
        version: input.version, title: input.title, description: input.description ?? null, standardId: input.standardId, composedBy: actor.id,
      }).returning();
      const included = await setSubmissions(tx, row.id, input.submissionIds);
      await recordAuditEvent(tx, actor, meta, { action: 'release.composed', entityType: 'release', entityId: row.id, toState: 'draft', details: { version: row.version, submissions: included } });
      return row;
    });
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw new AppError('conflict', 'A release with this version already exists', { fields: [{ path: 'version', message: 'Already used' }] });
    throw err;
  }
}

export async function updateDraftRelease(db: Db, actor: Actor, meta: RequestMeta, id: string, input: z.infer<typeof updateReleaseBody>) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(releases).where(eq(releases.id, id)).for('update');
    if (!row) throw notFound('Release');
    if (row.status !== 'draft') throw new AppError('conflict', `Release ${row.version} is ${row.status.replace('_', ' ')}: only a draft can be changed`);
    const { submissionIds, ...fields } = input;
    const [updated] = await tx.update(releases).set({ ...fields, updatedAt: new Date() }).where(eq(releases.id, id)).returning();
    const included = submissionIds ? await setSubmissions(tx, id, submissionIds) : undefined;
    await recordAuditEvent(tx, actor, meta, { action: 'release.updated', entityType: 'release', entityId: id, details: { changed: Object.keys(input), submissions: included } });
    return updated;
  });
}
