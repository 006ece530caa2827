import { bigserial, index, pgTable, smallint, text, uuid, type PgColumnBuilderBase } from 'drizzle-orm/pg-core';
import { CTDC_K_V7 } from '../../server/domain/standard/ctdc-k-v7';
import type { StandardVariable } from '../../server/domain/standard/types';

/** A typed column per standard variable: years and flags as small integers, codes as text. */
function columnFor(v: StandardVariable): PgColumnBuilderBase {
  return v.kind === 'year' || v.kind === 'binary' ? smallint(v.dbColumn) : text(v.dbColumn);
}

const variableColumns = Object.fromEntries(CTDC_K_V7.variables.map((v) => [v.name, columnFor(v)])) as Record<string, PgColumnBuilderBase>;

/**
 * Harmonized records in the standard (one row per victim case), loaded with COPY. No direct
 * identifier has a column here: nothing but standard variables and provenance ids.
 */
export const standardRecords = pgTable(
  'standard_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // No row-level foreign keys: checking two of them per row made PostgreSQL's part of loading a
    // million records three times slower. Migration 0008 keeps the guarantee with set-based triggers:
    // each INSERT statement checks its distinct (submission, partner) pairs once, locking them as a
    // foreign key would, and a submission with records cannot be deleted.
    submissionId: uuid('submission_id').notNull(),
    partnerId: uuid('partner_id').notNull(),
    ...variableColumns,
  },
  // Read by submission only (a partner's records through its submissions). An index on partner_id,
  // one key repeated a million times per delivery, cost PostgreSQL 1-1.3 s of loading a million
  // records (migration 0010 drops it).
  (t) => [index('standard_records_submission_idx').on(t.submissionId, t.id)],
);
