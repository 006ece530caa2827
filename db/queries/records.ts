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

/**
 * The submission's record count and the page in one round trip, planned for its values each time
 * (an unnamed statement): a generic plan cannot know how a submission's records spread over the id
 * range, and may walk the primary key filtering on the submission instead of reading the
 * (submission_id, id) index. No row at all: no such submission; one row of nulls: no records.
 */
const query = new PgDialect().sqlToQuery(sql`
  SELECT ${submissions.recordCount}, ${sql.join(columns.map(({ column }) => sql`record.${sql.identifier(column.name)}`), sql`, `)}
  FROM ${submissions}
  LEFT JOIN LATERAL (
    SELECT * FROM ${standardRecords} AS r
    WHERE r.${sql.identifier(standardRecords.submissionId.name)} = ${submissions.id} AND r.${sql.identifier(standardRecords.id.name)} > ${sql.placeholder('after')}
    ORDER BY r.${sql.identifier(standardRecords.id.name)} LIMIT ${sql.placeholder('limit')}
  ) AS record ON true
  WHERE ${submissions.id} = ${sql.placeholder('id')}
  ORDER BY record.${sql.identifier(standardRecords.id.name)}`);

const RAW_TEXT = { getTypeParser: () => (value: string) => value };

/**
 * A keyset page of a submission's standard records (ids above `after`, in id order) as JSON text,
 * with the submission's record count; undefined when there is no such submission.
 */
export async function submissionRecordsPage(db: Db, id: string, after: number, limit: number) {
  const pool = (db as Db & { $client: Pool }).$client;
  const { rows } = await pool.query<(string | null)[]>({
    text: query.sql, values: fillPlaceholders(query.params, { id, after, limit }), rowMode: 'array', types: RAW_TEXT,
  });
  if (!rows.length) return undefined;
  let json = '[';
  for (const row of rows) {
    if (row[1] === null) break; // the row of nulls of a page without records (id is never null)
    if (json.length > 1) json += ',';
    for (let i = 0; i < keys.length; i++) {
      const value = row[i + 1];
      json += keys[i] + (value === null ? 'null' : integer[i] ? value : JSON.stringify(value));
    }
    json += '}';
  }
  return { recordCount: rows[0][0] === null ? null : Number(rows[0][0]), json: `${json}]` };
}
