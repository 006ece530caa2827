/**
 * Scores suggestions against what a correct mapping does, variable by variable. The expected
 * entries use the synthetic generator's ground-truth shape, so hand-made fixtures and generated
 * files are judged the same way.
 */
import type { MappingRuleInput } from '../../../../server/domain/mapping';
import { valueKey } from '../../../../server/domain/mapping';
import type { MappingSuggestion } from '../../../../server/domain/mapping/suggest/types';

export interface ExpectedEntry {
  variable: string;
  sourceColumns: string[];
  transform: string;
  sourceValue?: string;
  values?: Record<string, string>;
}

const reads = (rule: MappingRuleInput, column: string): boolean => JSON.stringify(rule).includes(JSON.stringify(column));

function matches(rule: MappingRuleInput, e: ExpectedEntry): boolean {
  const col = e.sourceColumns[0];
  switch (e.transform) {
    case 'constant':
      return rule.kind === 'constant' && rule.value === e.sourceValue;
    case 'copy':
    case 'value_map': {
      if (rule.kind === 'year_from_date') return rule.column === col;
      if (rule.kind !== 'copy' || rule.column !== col) return false;
      const map = new Map(Object.entries(rule.valueMap ?? {}).map(([k, v]) => [valueKey(k), v]));
      return Object.entries(e.values ?? {}).every(([source, code]) => map.get(valueKey(source)) === code || (source === code && !map.has(valueKey(source))));
    }
    case 'year_from_date':
      return (rule.kind === 'year_from_date' || rule.kind === 'copy') && rule.column === col;
    case 'age_band_from_age':
    case 'age_band_from_text':
      return rule.kind === 'age_band_from_age' && rule.column === col;
    case 'age_band_from_birth_date':
      return (rule.kind === 'age_band_from_birth_date' && rule.birthDateColumn === col) || (rule.kind === 'age_band_from_age' && rule.birthDate?.birthDateColumn === col);
    case 'majority_from_age':
      return rule.kind === 'majority_from_age' && rule.column === col;
    case 'split_multi_value': {
      if (rule.kind !== 'flags_from_multi_value' || rule.column !== col) return false;
      const key = valueKey(e.sourceValue ?? '');
      return Object.entries(rule.valueMap).some(([source, flags]) => valueKey(source) === key && flags.includes(e.variable));
    }
    case 'country_code':
    case 'country_name':
      return rule.kind === 'country' && rule.column === col;
    case 'binary':
      return (rule.kind === 'binary' || rule.kind === 'copy') && rule.column === col;
    default:
      return reads(rule, col);
  }
}

export interface AccuracyReport {
  carried: number;
  correct: number;
  accuracy: number;
  wrong: Array<{ variable: string; expected: string; got: string }>;
}

/** Share of the variables a file carries whose suggested rule does what the expected entries say. */
export function suggestionAccuracy(suggestion: MappingSuggestion, expected: readonly ExpectedEntry[]): AccuracyReport {
  const byVariable = new Map<string, ExpectedEntry[]>();
  for (const e of expected) byVariable.set(e.variable, [...(byVariable.get(e.variable) ?? []), e]);
  const wrong: AccuracyReport['wrong'] = [];
  let correct = 0;
  for (const [variable, entries] of byVariable) {
    const s = suggestion.variables.find((v) => v.variable === variable);
    // A variable fed two ways (age or birth date) needs the rule to cover every way.
    if (s && entries.every((e) => matches(s.rule, e))) correct++;
    else wrong.push({ variable, expected: entries.map((e) => `${e.transform}(${e.sourceColumns.join('+')}${e.sourceValue ? `=${e.sourceValue}` : ''})`).join(' & '), got: s ? `${s.rule.kind}:${JSON.stringify(s.rule).slice(0, 160)}` : 'nothing' });
  }
  return { carried: byVariable.size, correct, accuracy: correct / byVariable.size, wrong };
}
