import type { Db } from '../../../db/client';
import { compileMapping, MappingCompileError } from '../../domain/mapping';
import { ruleColumns, ruleTargets, type MappingSpec } from '../../domain/mapping/spec-schema';
import type { FileProfile } from '../../domain/profiling/types';
import type { StandardDefinition } from '../../domain/standard';
import { mappingContext, type MappingRow } from './mapping-workflow';

export interface UnmappedValue {
  column: string;
  value: string;
  count: number;
  variables: string[];
}

export interface MappingCoverage {
  variables: { total: number; mapped: number; notCollected: number; withoutRule: string[] };
  values: { distinct: number; mapped: number };
  records: { values: number; covered: number; share: number };
  unmapped: UnmappedValue[];
  error: string | null;
}

const VALUE_RULES = new Set(['copy', 'binary', 'country', 'flags_from_multi_value', 'age_band_from_age', 'majority_from_age']);

/**
 * How much of a profiled file a mapping covers, frequency-weighted: each distinct value the profile
 * saw is run through the compiled mapping (the engine harmonization uses), so coverage and
 * harmonization can never disagree. Identifier columns have no values in a profile, so none show.
 */
export function computeCoverage(spec: MappingSpec, profile: FileProfile, standard: StandardDefinition): MappingCoverage {
  const mappable = standard.variables.filter((v) => v.kind !== 'derived');
  const targeted = new Map<string, string>();
  for (const rule of spec.rules) for (const t of ruleTargets(rule)) targeted.set(t, rule.kind);
  const variables = {
    total: mappable.length,
    mapped: mappable.filter((v) => targeted.has(v.name) && targeted.get(v.name) !== 'not_collected').length,
    notCollected: mappable.filter((v) => targeted.get(v.name) === 'not_collected').length,
    withoutRule: mappable.filter((v) => !targeted.has(v.name)).map((v) => v.name),
  };
  const header = profile.columns.map((c) => c.name);
  let compiled;
  try {
    compiled = compileMapping(spec, header, standard, { profile });
  } catch (err) {
    const message = err instanceof MappingCompileError ? err.message : 'The mapping cannot be compiled';
    return { variables, values: { distinct: 0, mapped: 0 }, records: { values: 0, covered: 0, share: 0 }, unmapped: [], error: message };
  }
  const unmapped: UnmappedValue[] = [];
  let distinct = 0;
  let mappedDistinct = 0;
  let total = 0;
  let covered = 0;
  const seen = new Set<string>();
  for (const rule of spec.rules) {
    if (!VALUE_RULES.has(rule.kind)) continue;
    const column = ruleColumns(rule)[0];
    if (seen.has(column)) continue;
    seen.add(column);
    const index = header.indexOf(column);
    const col = profile.columns[index];
    if (!col?.values) continue;
    const row = header.map(() => '');
    for (const { value, count } of col.values) {
      row[index] = value;
      const problems = compiled.apply(row).problems;
      const miss = problems.some((p) => p.code === 'unmapped_value' && p.column === column);
      distinct++;
      total += count;
      if (miss) unmapped.push({ column, value, count, variables: ruleTargets(rule) });
      else {
        mappedDistinct++;
        covered += count;
      }
    }
  }
  return {
    variables,
    values: { distinct, mapped: mappedDistinct },
    records: { values: total, covered, share: total ? Math.round((covered / total) * 1000) / 1000 : 1 },
    unmapped: unmapped.sort((a, b) => b.count - a.count),
    error: null,
  };
}

export async function mappingCoverage(db: Db, row: MappingRow): Promise<MappingCoverage | { error: string }> {
  const ctx = await mappingContext(db, row);
  if (!ctx.profile) return { error: 'No profiled submission to measure coverage against' };
  return computeCoverage(row.spec, ctx.profile, ctx.standard);
}
