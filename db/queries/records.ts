import { fillPlaceholders, getTableColumns, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import type { Db } from '../client';
import { standardRecords, submissions } from '../schema';

/**
 * A page of 50-500 records of ~60 columns is the API's widest answer. It is served as columns and
 * rows, `{"columns":["id","yearOfRegistration",...],"rows":[[1,2019,...],...]}`: as objects, the
 * same sixty keys repeated on every record made a page of 50 about 98 KB to build, encode and
 * send; as rows it is about 13 KB. The submission and partner ids, the same on every record of a
 * submission's page, are left out.
 *
 * PostgreSQL sends the page as one text value that is written straight into the JSON, byte for byte
 * what JSON.stringify makes of the rows read through drizzle (held to that by
 * test/integration/records-page.test.ts): integer columns as PostgreSQL prints them, which is how
 * JavaScript prints those numbers (ids below 2^53), text as JSON strings. A column of any other type
 * would break that, so it stops the process at load. (Building the JSON in PostgreSQL, with
 * row_to_json, cost it about 25 µs per record: more in all.)
 */
const INTEGER_TYPES = new Set(['PgSmallInt', 'PgInteger', 'PgBigSerial53', 'PgBigInt53', 'PgSerial']);
const TEXT_TYPES = new Set(['PgText', 'PgUUID']);
const SAME_ON_EVERY_RECORD = new Set<string>([standardRecords.submissionId.name, standardRecords.partnerId.name]);
const columns = Object.entries(getTableColumns(standardRecords)).filter(([, column]) => !SAME_ON_EVERY_RECORD.has(column.name)).map(([field, column]) => {
  if (!INTEGER_TYPES.has(column.columnType) && !TEXT_TYPES.has(column.columnType)) {
    throw new Error(`standard_records.${column.name} is ${column.columnType}: the records page writes integers and text only`);
  }
  return { field, column, integer: INTEGER_TYPES.has(column.columnType) };
});
/** A page of standard records as the API serves it: each row holds its record's values in `columns` order. */
export interface RecordsPage {
  columns: string[];
  rows: (string | number | null)[][];
}

/** The fields of a record's row on the page, in order: the record's id, then the standard variables. */
export const RECORD_PAGE_COLUMNS = columns.map(({ field }) => field);
const head = `{"columns":${JSON.stringify(RECORD_PAGE_COLUMNS)},"rows":[`;
const integer = columns.map((c) => c.integer);

const submissionId = sql.identifier(standardRecords.submissionId.name);
const id = sql.identifier(standardRecords.id.name);

/**
 * The submission's record count and the page as one text value: the records in PostgreSQL's row
 * text form (record_out, "(1,PH,,\"a, b\")"), one per line, in id order. One field to read instead
 * of sixty per record: reading the fields one by one was a third of the API's time for this page.
 * The keyset is written as row comparisons on (submission_id, id), the columns of the records'
 * index, so that the index bounds the scan exactly: a plan made without the values (this is a
 * named statement, planned once) cannot walk the primary key instead, filtering on the submission,
 * which is what a generic plan of "submission_id = $1 AND id > $2 ORDER BY id" does.
 */
const pageQuery = new PgDialect().sqlToQuery(sql`
  SELECT ${submissions.recordCount}, (
    SELECT string_agg(page::text, E'\n' ORDER BY page.${id}) FROM (
      SELECT ${sql.join(columns.map(({ column }) => sql.identifier(column.name)), sql`, `)}
      FROM ${standardRecords}
      WHERE (${submissionId}, ${id}) > (${sql.placeholder('id')}::uuid, ${sql.placeholder('after')}::bigint)
        AND (${submissionId}, ${id}) <= (${sql.placeholder('id')}::uuid, 9223372036854775807)
      ORDER BY ${submissionId}, ${id}
      LIMIT ${sql.placeholder('limit')}) AS page)
  FROM ${submissions} WHERE ${submissions.id} = ${sql.placeholder('id')}`);

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const CLOSE = 41;

/** The page's JSON from records written by record_out, one per line (see pageQuery). */
function pageJson(text: string): string {
  let json = head;
  let at = 0;
  while (at < text.length) {
    if (at > 0) { at++; json += ','; } // the line break between records
    at++; // (
    for (let i = 0; i < integer.length; i++) {
      json += i ? ',' : '[';
      let c = text.charCodeAt(at);
      if (c === COMMA || c === CLOSE) json += 'null';
      else if (c === QUOTE) {
        // Quoted: a doubled quote or backslash stands for one.
        let value = '';
        let from = ++at;
        for (;;) {
          c = text.charCodeAt(at);
          if (c === QUOTE || c === BACKSLASH) {
            value += text.slice(from, at);
            if (text.charCodeAt(at + 1) === c) { value += text[at]; at += 2; from = at; continue; }
            at++;
            break;
          }
          at++;
        }
        json += JSON.stringify(value);
      } else {
        // Unquoted: no quote, backslash, comma, parenthesis or white space, so only a control
        // character would need escaping in JSON.
        const from = at;
        let control = false;
        while (c !== COMMA && c !== CLOSE) {
          if (c < 32) control = true;
          c = text.charCodeAt(++at);
        }
        const value = text.slice(from, at);
        json += integer[i] ? value : control ? JSON.stringify(value) : `"${value}"`;
      }
      at++; // , or )
    }
    json += ']';
  }
  return `${json}]}`;
}

const RAW_TEXT = { getTypeParser: () => (value: string) => value };

/**
 * A keyset page of a submission's standard records (ids above `after`, in id order) as the JSON
 * text of a RecordsPage, with the submission's record count; undefined when there is no such submission.
 */
export async function submissionRecordsPage(db: Db, submission: string, after: number, limit: number) {
  const pool = (db as Db & { $client: Pool }).$client;
  const { rows } = await pool.query<(string | null)[]>({
    name: 'submission-records-page', text: pageQuery.sql, values: fillPlaceholders(pageQuery.params, { id: submission, after, limit }), rowMode: 'array', types: RAW_TEXT,
  });
  if (!rows.length) return undefined;
  const [recordCount, page] = rows[0];
  return { recordCount: recordCount === null ? null : Number(recordCount), json: page === null ? `${head}]}` : pageJson(page) };
}
