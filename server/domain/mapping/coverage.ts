import type { FileProfile } from '../profiling/types';
import { getLayout, type StandardDefinition } from '../standard';
import { compileMapping } from './compile-mapping';
import { MappingSpecSchema, ruleColumns, ruleTargets, type MappingSpecInput } from './spec-schema';

export interface UnmappedValueCount {
  column: string;
  value: string;
  count: number;
  variables: string[];
}

export interface MappingCoverage {
  variables: { total: number; mapped: number; notCollected: number; withoutRule: string[] };
  /** Distinct values of the columns that rules read, as the profile kept them. */
  values: { distinct: number; mapped: number; missing: number };
  /** Records (value counts), so a frequent value weighs more; `share` excludes "no information". */
  records: { total: number; covered: number; missing: number; share: number };
  /** Values no rule maps, most frequent first. Never from identifier columns: their values are not kept. */
  unmapped: UnmappedValueCount[];
  /** Columns read by rules whose values the profile did not keep (identifiers, dates). */
  unevaluatedColumns: string[];
}

/**
 * How much of a profiled file a mapping covers. Each distinct value is run through the compiled
 * mapping itself, so coverage and harmonization cannot disagree.
 */
export function mappingCoverage(specInput: MappingSpecInput, profile: FileProfile, standard: StandardDefinition): MappingCoverage {
  const spec = MappingSpecSchema.parse(specInput);
  const layout = getLayout(standard);
  const mappable = standard.variables.filter((v) => v.kind !== 'derived');
  const kindOf = new Map(spec.rules.flatMap((r) => ruleTargets(r).map((t) => [t, r.kind] as const)));
  const variables = {
    total: mappable.length,
    mapped: mappable.filter((v) => kindOf.has(v.name) && kindOf.get(v.name) !== 'not_collected').length,
    notCollected: mappable.filter((v) => kindOf.get(v.name) === 'not_collected').length,
    withoutRule: mappable.filter((v) => !kindOf.has(v.name)).map((v) => v.name),
  };
  const header = profile.columns.map((c) => c.name);
  const compiled = compileMapping(spec, header, standard, { profile });
  const out: MappingCoverage = {
    variables,
    values: { distinct: 0, mapped: 0, missing: 0 },
    records: { total: 0, covered: 0, missing: 0, share: 1 },
    unmapped: [],
    unevaluatedColumns: [],
  };
  const seen = new Set<string>();
  const row = header.map(() => '');
  for (const rule of spec.rules) {
    const column = ruleColumns(rule)[0];
    if (column === undefined || seen.has(column)) continue;
    seen.add(column);
    const index = header.indexOf(column);
    const values = profile.columns[index]?.values;
    if (!values) {
      out.unevaluatedColumns.push(column);
      continue;
    }
    const targets = ruleTargets(rule).map((t) => layout.index(t));
    for (const { value, count } of values) {
      row[index] = value;
      const { values: mapped, problems } = compiled.apply(row);
      out.values.distinct++;
      out.records.total += count;
      if (problems.some((p) => p.code === 'unmapped_value' && p.column === column)) {
        out.unmapped.push({ column, value, count, variables: ruleTargets(rule) });
      } else if (targets.every((t) => mapped[t] === null)) {
        out.values.missing++;
        out.records.missing += count;
      } else {
        out.values.mapped++;
        out.records.covered += count;
      }
    }
    row[index] = '';
  }
  const informative = out.records.total - out.records.missing;
  out.records.share = informative === 0 ? 1 : Math.round((out.records.covered / informative) * 1000) / 1000;
  out.unmapped.sort((a, b) => b.count - a.count);
  return out;
}
