import { MappingSpecSchema, type MappingRule } from '../spec-schema';
import { valueKey } from '../value-key';
import type { ApprovedMapping } from './types';
import { compact } from './words';

/** What other partners' approved mappings teach: column names, value spellings, codes. */
export interface LearnedMappings {
  /** compact column name → rules that read a column of that name. */
  byColumn: Map<string, MappingRule[]>;
  /** variable → source value key → standard code, from copy rules. */
  codes: Map<string, Map<string, string>>;
  /** flag variable's group members → source code key → flag variables, from multi-value rules. */
  flags: Map<string, string[]>;
}

export function learnFrom(approved: readonly ApprovedMapping[]): LearnedMappings {
  const learned: LearnedMappings = { byColumn: new Map(), codes: new Map(), flags: new Map() };
  for (const a of approved) {
    const parsed = MappingSpecSchema.safeParse(a.spec);
    if (!parsed.success) continue;
    for (const rule of parsed.data.rules) {
      if (!('column' in rule)) continue;
      const key = compact(rule.column);
      learned.byColumn.set(key, [...(learned.byColumn.get(key) ?? []), rule]);
      if (rule.kind === 'copy') {
        const codes = learned.codes.get(rule.target) ?? new Map<string, string>();
        for (const [source, code] of Object.entries(rule.valueMap)) codes.set(valueKey(source), code);
        learned.codes.set(rule.target, codes);
      }
      if (rule.kind === 'flags_from_multi_value') {
        for (const [source, flags] of Object.entries(rule.valueMap)) {
          if (flags.length > 0) learned.flags.set(`${flags[0]}|${valueKey(source)}`, flags);
        }
      }
    }
  }
  return learned;
}

/** Flags another partner mapped this code to, if any flag among `candidates` was. */
export function learnedFlags(learned: LearnedMappings, candidates: readonly string[], value: string): string[] | null {
  const key = valueKey(value);
  for (const flag of candidates) {
    const hit = learned.flags.get(`${flag}|${key}`);
    if (hit) return hit;
  }
  return null;
}
