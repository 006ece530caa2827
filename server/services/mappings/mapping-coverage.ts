import type { Db } from '../../../db/client';
import { MappingCompileError, mappingCoverage as computeCoverage } from '../../domain/mapping';
import { mappingContext, type MappingRow } from './mapping-workflow';

/** Coverage of a version against the profile of the submission it was written for. */
export async function mappingCoverage(db: Db, row: MappingRow) {
  const ctx = await mappingContext(db, row);
  if (!ctx.profile) return { error: 'No profiled submission to measure coverage against' };
  try {
    return { ...computeCoverage(row.spec, ctx.profile, ctx.standard), error: null };
  } catch (err) {
    if (err instanceof MappingCompileError) return { error: err.message };
    throw err;
  }
}
