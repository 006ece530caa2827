import { compileMapping, type MappingRuleInput } from '../../../../server/domain/mapping';
import { getStandard, recordToObject } from '../../../../server/domain/standard';

/** Maps rows of a tiny file through one or a few rules and returns named records and the report. */
export function mapRows(header: string[], rows: string[][], rules: MappingRuleInput[], extra: { dropColumns?: string[]; missingValues?: string[] } = {}) {
  const standard = getStandard();
  const mapping = compileMapping({ standardId: standard.id, rules, ...extra }, header, standard);
  const results = rows.map((r) => mapping.apply(r));
  return {
    records: results.map((r) => recordToObject(standard, r.values)),
    problems: results.map((r) => r.problems.map((p) => p.code)),
    report: mapping.report(),
  };
}

/** One column, one rule: the value each cell gives `variable`. */
export function mapColumn(cells: string[], rule: MappingRuleInput, variable: string): (string | null)[] {
  return mapRows(['c'], cells.map((c) => [c]), [rule]).records.map((r) => r[variable]);
}
