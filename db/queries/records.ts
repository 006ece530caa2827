import { fillPlaceholders, getTableColumns, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import type { Db } from '../client';
import { standardRecords, submissions } from '../schema';

/**
 * A page of 50-500 records of ~60 columns is the API's widest answer, and turning it into JSON was
 * most of its cost: drizzle mapping every field onto an object, then JSON.stringify walking them.
 * Here the rows come back as arrays of PostgreSQL's text and are written straight into the JSON the
 * client receives, byte for byte what JSON.stringify makes of the rows read through drizzle (held
 * to that by test/integration/records-page.test.ts): integer columns are written as PostgreSQL
 * prints them, which is how JavaScript prints those numbers (ids below 2^53), text and uuids as
 * JSON strings. A column of any other type would break that, so it stops the process at load.
 * (Building the JSON in PostgreSQL with row_to_json costs it about 25 µs per record: more in all.)
 */
const INTEGER_TYPES = new Set(['PgSmallInt', 'PgInteger', 'PgBigSerial53', 'PgBigInt53', 'PgSerial']);
const TEXT_TYPES = new Set(['PgText', 'PgUUID']);
const columns = Object.entries(getTableColumns(standardRecords)).map(([field, column]) => {
  if (!INTEGER_TYPES.has(column.columnType) && !TEXT_TYPES.has(column.columnType)) {
    throw new Error(`standard_records.${column.name} is ${column.columnType}: the records page writes integers and text only`);
  }
  return { field, column, integer: INTEGER_TYPES.has(column.columnType) };
});
const keys = columns.map(({ field }, i) => `${i ? ',' : '{'}${JSON.stringify(field)}:`);
const integer = columns.map((c) => c.integer);

const submissionId = sql.identifier(standardRecords.submissionId.name);
const id = sql.identifier(standardRecords.id.name);

/**
 * The page, each row led by the submission's record count (computed once, an uncorrelated
 * subquery): one round trip. The keyset is written as row comparisons on (submission_id, id), the
 * columns of the records' index, so that the index bounds the scan exactly: a plan made without the
 * values (this is a named statement, planned once) cannot walk the primary key instead, filtering
 * on the submission, which is what a generic plan of "submission_id = $1 AND id > $2 ORDER BY id"
 * does. A page without records has no row to carry the count: `countQuery` then says whether the
 * submission exists.
 */
const pageQuery = new PgDialect().sqlToQuery(sql`
  SELECT (SELECT ${submissions.recordCount} FROM ${submissions} WHERE ${submissions.id} = ${sql.placeholder('id')}),
    ${sql.join(columns.map(({ column }) => sql.identifier(column.name)), sql`, `)}
  FROM ${standardRecords}
  WHERE (${submissionId}, ${id}) > (${sql.placeholder('id')}::uuid, ${sql.placeholder('after')}::bigint)
    AND (${submissionId}, ${id}) <= (${sql.placeholder('id')}::uuid, 9223372036854775807)
  ORDER BY ${submissionId}, ${id}
  LIMIT ${sql.placeholder('limit')}`);
const countQuery = new PgDialect().sqlToQuery(sql`SELECT ${submissions.recordCount} FROM ${submissions} WHERE ${submissions.id} = ${sql.placeholder('id')}`);

const RAW_TEXT = { getTypeParser: () => (value: string) => value };

/**
 * A keyset page of a submission's standard records (ids above `after`, in id order) as JSON text,
 * with the submission's record count; undefined when there is no such submission.
 */
export async function submissionRecordsPage(db: Db, submission: string, after: number, limit: number) {
  const pool = (db as Db & { $client: Pool }).$client;
  const values = { id: submission, after, limit };
  const { rows } = await pool.query<(string | null)[]>({
    name: 'submission-records-page', text: pageQuery.sql, values: fillPlaceholders(pageQuery.params, values), rowMode: 'array', types: RAW_TEXT,
  });
  let recordCount: string | null;
  if (rows.length) recordCount = rows[0][0];
  else {
    const found = await pool.query<(string | null)[]>({
      name: 'submission-record-count', text: countQuery.sql, values: fillPlaceholders(countQuery.params, values), rowMode: 'array', types: RAW_TEXT,
    });
    if (!found.rows.length) return undefined;
    recordCount = found.rows[0][0];
  }
  let json = '[';
  for (const row of rows) {
    if (json.length > 1) json += ',';
    for (let i = 0; i < keys.length; i++) {
      const value = row[i + 1];
      json += keys[i] + (value === null ? 'null' : integer[i] ? value : JSON.stringify(value));
    }
    json += '}';
  }
  return { recordCount: recordCount === null ? null : Number(recordCount), json: `${json}]` };
}
