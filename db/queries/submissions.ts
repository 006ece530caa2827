import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { partners, submissions, users } from '../schema';
import { countAloneQuery, listTotalFields, withListTotal } from './count';
import { preparedByShape } from './prepared';

/** What a submissions list row shows: no profile, report or failure details (the page has them). */
export const submissionListColumns = {
  id: submissions.id, partnerId: submissions.partnerId, partnerName: partners.name, status: submissions.status,
  originalName: submissions.originalName, format: submissions.format, size: submissions.size, duplicateOf: submissions.duplicateOf,
  recordCount: submissions.recordCount, failureReason: submissions.failureReason, mappingVersionId: submissions.mappingVersionId,
  receivedAt: submissions.receivedAt, profiledAt: submissions.profiledAt, harmonizedAt: submissions.harmonizedAt,
  rawDeletedAt: submissions.rawDeletedAt, uploadedByName: users.name,
};

const SORTABLE = { receivedAt: submissions.receivedAt, status: submissions.status, originalName: submissions.originalName };

export interface SubmissionListQuery {
  /** Partner isolation: a partner user's own partner, null for staff. */
  scope: string | null;
  partnerId?: string;
  status?: string;
  sortField: string | null;
  sortOrder: 'asc' | 'desc';
  offset: number;
  limit: number;
}

interface Shape { scope: boolean; partnerId: boolean; status: boolean; sort: keyof typeof SORTABLE | null; order: 'asc' | 'desc' }

function conditions(s: Shape): SQL | undefined {
  const where: SQL[] = [];
  if (s.scope) where.push(eq(submissions.partnerId, sql.placeholder('scope')));
  if (s.partnerId) where.push(eq(submissions.partnerId, sql.placeholder('partnerId')));
  if (s.status) where.push(eq(submissions.status, sql.placeholder('status')));
  return where.length ? and(...where) : undefined;
}

const shapeKey = (s: Shape) => `${+s.scope}${+s.partnerId}${+s.status}:${s.sort ?? ''}:${s.sort ? s.order : ''}`;

// A small table (a few deliveries per partner a year): every shape plans alike whatever the values.
const pageStatement = preparedByShape('submissions-page', shapeKey, (db, s, statement) => {
  const order = s.sort ? (s.order === 'desc' ? desc(SORTABLE[s.sort]) : asc(SORTABLE[s.sort])) : desc(submissions.receivedAt);
  return db.select({ ...submissionListColumns, ...listTotalFields(db, submissions, conditions(s), false) })
    .from(submissions).innerJoin(partners, eq(partners.id, submissions.partnerId)).leftJoin(users, eq(users.id, submissions.uploadedBy))
    .where(conditions(s)).orderBy(order)
    .limit(sql.placeholder('limit')).offset(sql.placeholder('offset'))
    .prepare(statement);
});

const countStatement = preparedByShape('submissions-count', shapeKey, (db, s, statement) =>
  countAloneQuery(db, submissions, conditions(s), false).prepare(statement));

/** A page of submissions, newest first unless sorted otherwise, and the list's total. */
export async function listSubmissions(db: Db, q: SubmissionListQuery) {
  const shape: Shape = {
    scope: !!q.scope, partnerId: !!q.partnerId, status: !!q.status,
    sort: q.sortField && Object.hasOwn(SORTABLE, q.sortField) ? (q.sortField as keyof typeof SORTABLE) : null, order: q.sortOrder,
  };
  const values = { scope: q.scope, partnerId: q.partnerId, status: q.status };
  const rows = await pageStatement(db, shape).execute({ ...values, limit: q.limit, offset: q.offset });
  return withListTotal(db, submissions, shape.scope || shape.partnerId || shape.status, {}, rows, () => countStatement(db, shape).execute(values));
}
