import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { standardRecords, submissions } from '../schema';
import { preparedByShape } from './prepared';

const submissionCount = preparedByShape('submission-record-count', () => '', (db, _shape, statement) =>
  db.select({ id: submissions.id, recordCount: submissions.recordCount }).from(submissions).where(eq(submissions.id, sql.placeholder('id'))).prepare(statement));

const recordsPage = preparedByShape('submission-records-page', () => '', (db, _shape, statement) =>
  db.select().from(standardRecords)
    .where(and(eq(standardRecords.submissionId, sql.placeholder('submissionId')), gt(standardRecords.id, sql.placeholder('after'))))
    .orderBy(asc(standardRecords.id)).limit(sql.placeholder('limit'))
    .prepare(statement));

/** The submission's id and record count, or undefined when there is no such submission. */
export async function findSubmissionRecordCount(db: Db, id: string) {
  const [row] = await submissionCount(db, undefined).execute({ id });
  return row;
}

/** A keyset page of a submission's standard records: ids above `after`, in id order. */
export function submissionRecordsPage(db: Db, submissionId: string, after: number, limit: number) {
  return recordsPage(db, undefined).execute({ submissionId, after, limit });
}
