import { valueKey } from '../../../../server/domain/mapping/value-key';
import { STANDARD, standardVariable, type StandardVariable } from '../../standard';
import type { MappingRule, MappingRuleKind, MappingSpec, MappingSuggestion } from './types';

/**
 * Pure edits of a mapping spec, as the editor makes them. Every function returns a new spec and
 * leaves the old one untouched, so the page can compare the draft with what the server has.
 */

// The schema's defaults (spec-schema.ts), restated so that zod stays out of the browser bundle.
export const DEFAULT_YES = ['1', 'y', 'yes', 'true', 'oui', 'o', 'si', 'sí', 'sim', 's', 'x'];
export const DEFAULT_NO = ['0', 'n', 'no', 'false', 'non', 'não', 'nao'];
export const DEFAULT_SEPARATORS = [';', '|', ','];

export type ValueSuggestion = MappingSuggestion['values'][number];
export type VariableSuggestion = MappingSuggestion['variables'][number];
type RuleOf<K extends MappingRuleKind> = Extract<MappingRule, { kind: K }>;

export const targetsOf = (rule: MappingRule): string[] => (rule.kind === 'flags_from_multi_value' ? rule.targets : [rule.target]);

/** The column whose values a rule maps (copy, flags, binary, country, ages), if any. */
export function mainColumn(rule: MappingRule): string | null {
  switch (rule.kind) {
    case 'constant':
    case 'not_collected':
      return null;
    case 'age_band_from_birth_date':
    case 'majority_from_birth_date':
      return rule.birthDateColumn;
    default:
      return rule.column;
  }
}

/** Every source column a rule reads. */
export function columnsOf(rule: MappingRule): string[] {
  const out: string[] = [];
  const main = mainColumn(rule);
  if (main) out.push(main);
  const withBirth = rule as Partial<RuleOf<'age_band_from_age'>>;
  if (withBirth.birthDate?.birthDateColumn) out.push(withBirth.birthDate.birthDateColumn);
  const ref = (rule as Partial<RuleOf<'age_band_from_birth_date'>>).reference ?? withBirth.birthDate?.reference;
  if (ref && 'column' in ref) out.push(ref.column);
  return [...new Set(out)];
}

/** Fills the defaults the server's schema would, so the editor can read every field. */
export function withDefaults(rule: MappingRule): MappingRule {
  switch (rule.kind) {
    case 'copy':
      return { ...rule, valueMap: rule.valueMap ?? {} };
    case 'flags_from_multi_value':
      return { ...rule, valueMap: rule.valueMap ?? {}, separators: rule.separators ?? DEFAULT_SEPARATORS, absentMeans: rule.absentMeans ?? 'zero' };
    case 'binary':
      return { ...rule, yes: rule.yes ?? DEFAULT_YES, no: rule.no ?? DEFAULT_NO };
    case 'country':
      return { ...rule, naMeans: rule.naMeans ?? 'namibia' };
    case 'year_from_date':
      return { ...rule, formats: rule.formats ?? [] };
    default:
      return rule;
  }
}

export function normaliseSpec(spec: MappingSpec): MappingSpec {
  return { ...spec, dropColumns: spec.dropColumns ?? [], rules: (spec.rules ?? []).map(withDefaults) };
}

/** The index of the rule feeding each variable. */
export function ruleIndexByVariable(spec: MappingSpec): Map<string, number> {
  const out = new Map<string, number>();
  spec.rules.forEach((r, i) => targetsOf(r).forEach((t) => { if (!out.has(t)) out.set(t, i); }));
  return out;
}

/** The rule kinds that may feed a variable (the server's `compatible`, validate-mapping.ts). */
export function kindsFor(v: StandardVariable): MappingRuleKind[] {
  switch (v.kind) {
    case 'derived':
      return [];
    case 'year':
      return ['year_from_date', 'copy', 'constant', 'not_collected'];
    case 'country':
      return ['country', 'copy', 'constant', 'not_collected'];
    case 'binary':
      return ['binary', 'flags_from_multi_value', 'copy', 'constant', 'not_collected'];
    case 'code': {
      const kinds: MappingRuleKind[] = ['copy'];
      if (v.ageBands) kinds.push('age_band_from_age', 'age_band_from_birth_date');
      if (['Minor', 'Adult'].every((c) => v.values.some((x) => x.code === c))) kinds.push('majority_from_age', 'majority_from_birth_date');
      return [...kinds, 'constant', 'not_collected'];
    }
  }
}

/** A new rule of `kind` for `variable`, keeping what it can of the rule it replaces. */
export function newRule(kind: MappingRuleKind, variable: string, previous: MappingRule | null, fallbackColumn: string): MappingRule {
  const column = (previous && mainColumn(previous)) || fallbackColumn;
  const v = standardVariable(variable);
  switch (kind) {
    case 'copy':
      return { kind, target: variable, column, valueMap: {} };
    case 'age_band_from_age':
    case 'majority_from_age':
      return { kind, target: variable, column };
    case 'age_band_from_birth_date':
    case 'majority_from_birth_date':
      return { kind, target: variable, birthDateColumn: column, dateFormat: 'ymd', reference: { year: new Date().getFullYear() } };
    case 'year_from_date':
      return { kind, target: variable, column, formats: [] };
    case 'flags_from_multi_value':
      return { kind, targets: [variable], column, separators: DEFAULT_SEPARATORS, valueMap: {}, absentMeans: 'zero' };
    case 'binary':
      return { kind, target: variable, column, yes: DEFAULT_YES, no: DEFAULT_NO };
    case 'country':
      return { kind, target: variable, column, naMeans: 'missing' };
    case 'constant':
      return { kind, target: variable, value: v?.kind === 'code' ? v.values[0]?.code ?? '' : '' };
    case 'not_collected':
      return { kind, target: variable };
  }
}

/** Takes `variable` out of the rule at `index`: a single-target rule goes, a shared flags rule shrinks. */
function detach(rules: MappingRule[], index: number, variable: string): MappingRule[] {
  const rule = rules[index];
  if (rule.kind !== 'flags_from_multi_value' || rule.targets.length <= 1) return rules.filter((_, i) => i !== index);
  const targets = rule.targets.filter((t) => t !== variable);
  const valueMap = Object.fromEntries(Object.entries(rule.valueMap).map(([code, flags]) => [code, flags.filter((f) => f !== variable)]));
  return rules.map((r, i) => (i === index ? { ...rule, targets, valueMap } : r));
}

/** Sets (or with null removes) the rule of one variable. */
export function setVariableRule(spec: MappingSpec, variable: string, next: MappingRule | null): MappingSpec {
  const index = ruleIndexByVariable(spec).get(variable);
  let rules = spec.rules;
  if (index !== undefined) {
    const current = rules[index];
    const sameShape = next && targetsOf(current).length === targetsOf(next).length && targetsOf(next).every((t) => targetsOf(current).includes(t));
    if (sameShape) return { ...spec, rules: rules.map((r, i) => (i === index ? next : r)) };
    rules = detach(rules, index, variable);
  }
  return { ...spec, rules: next ? [...rules, next] : rules };
}

/** Replaces the rule at `index` (a shared flags rule is edited once for all its variables). */
export function replaceRule(spec: MappingSpec, index: number, rule: MappingRule): MappingSpec {
  return { ...spec, rules: spec.rules.map((r, i) => (i === index ? rule : r)) };
}

/** The key under which a value map holds `value`, matched as the server matches (case, accents, spaces). */
export function mapKeyFor(map: Record<string, unknown>, value: string): string | undefined {
  if (value.trim() in map) return value.trim();
  const key = valueKey(value);
  return Object.keys(map).find((k) => valueKey(k) === key);
}

/** Every key of a value map that stands for `value` (a map may spell one value several ways: "F", "f"). */
function withoutValue<T>(map: Record<string, T>, value: string): Record<string, T> {
  const key = valueKey(value);
  return Object.fromEntries(Object.entries(map).filter(([k]) => valueKey(k) !== key));
}

/** Maps one source value of a copy rule to a code (null: unmapped). */
export function setValueCode(spec: MappingSpec, index: number, value: string, code: string | null): MappingSpec {
  const rule = spec.rules[index];
  if (rule.kind !== 'copy') return spec;
  const valueMap = withoutValue(rule.valueMap, value);
  if (code !== null) valueMap[value.trim()] = code;
  return replaceRule(spec, index, { ...rule, valueMap });
}

/** Sets the flags one source code of a multi-value column stands for (null: unmapped). */
export function setValueFlags(spec: MappingSpec, index: number, value: string, flags: string[] | null): MappingSpec {
  const rule = spec.rules[index];
  if (rule.kind !== 'flags_from_multi_value') return spec;
  const valueMap = withoutValue(rule.valueMap, value);
  if (flags !== null) valueMap[value.trim()] = flags;
  return replaceRule(spec, index, { ...rule, valueMap });
}

export function setDropped(spec: MappingSpec, column: string, dropped: boolean): MappingSpec {
  const rest = spec.dropColumns.filter((c) => c !== column);
  return { ...spec, dropColumns: dropped ? [...rest, column] : rest };
}

/** Is a value suggestion already what the mapping says? */
export function suggestionApplied(spec: MappingSpec, s: ValueSuggestion): boolean {
  if (!s.target) return true;
  return spec.rules.some((r) => {
    if (r.kind === 'copy' && r.column === s.column) {
      const k = mapKeyFor(r.valueMap, s.value);
      return k !== undefined && r.valueMap[k] === s.target;
    }
    if (r.kind === 'flags_from_multi_value' && r.column === s.column) {
      const k = mapKeyFor(r.valueMap, s.value);
      return k !== undefined && r.valueMap[k].includes(s.target!);
    }
    return false;
  });
}

/**
 * Accepts value suggestions for values the mapping leaves unmapped; a value the steward mapped to
 * something else keeps the steward's choice (accepting one suggestion explicitly overrides it).
 */
export function acceptValueSuggestions(spec: MappingSpec, suggestions: readonly ValueSuggestion[], override = false): { spec: MappingSpec; accepted: number } {
  let next = spec;
  let accepted = 0;
  for (const s of suggestions) {
    if (!s.target || suggestionApplied(next, s)) continue;
    const index = next.rules.findIndex((r) => (r.kind === 'copy' || r.kind === 'flags_from_multi_value') && r.column === s.column);
    if (index < 0) continue;
    const rule = next.rules[index];
    if (rule.kind === 'copy') {
      if (!override && mapKeyFor(rule.valueMap, s.value) !== undefined) continue;
      next = setValueCode(next, index, s.value, s.target);
      accepted++;
    } else if (rule.kind === 'flags_from_multi_value' && rule.targets.includes(s.target)) {
      const k = mapKeyFor(rule.valueMap, s.value);
      next = setValueFlags(next, index, s.value, [...new Set([...(k !== undefined ? rule.valueMap[k] : []), s.target])]);
      accepted++;
    }
  }
  return { spec: next, accepted };
}

/** Adds the suggested rule of every variable that has no rule yet (a shared flags rule once, for its free variables). */
export function acceptVariableSuggestions(spec: MappingSpec, suggestions: readonly VariableSuggestion[]): { spec: MappingSpec; accepted: number } {
  let next = spec;
  let accepted = 0;
  const done = new Set<string>();
  for (const s of suggestions) {
    if (ruleIndexByVariable(next).has(s.variable) || done.has(s.variable)) continue;
    let rule = withDefaults(s.rule as MappingRule);
    if (rule.kind === 'flags_from_multi_value') {
      const taken = ruleIndexByVariable(next);
      const free = rule.targets.filter((t) => !taken.has(t));
      const valueMap = Object.fromEntries(Object.entries(rule.valueMap).map(([c, flags]) => [c, flags.filter((f) => free.includes(f))]));
      rule = { ...rule, targets: free, valueMap };
      free.forEach((t) => done.add(t));
      accepted += free.length;
    } else {
      accepted++;
    }
    next = { ...next, rules: [...next.rules, rule] };
  }
  return { spec: next, accepted };
}

/** Marks every identifier column `drop`, as the suggestions do. */
export function acceptDropSuggestions(spec: MappingSpec, drop: readonly { column: string }[]): { spec: MappingSpec; accepted: number } {
  const missing = drop.map((d) => d.column).filter((c) => !spec.dropColumns.includes(c));
  return { spec: { ...spec, dropColumns: [...spec.dropColumns, ...missing] }, accepted: missing.length };
}

/** The suggestion behind a variable's current rule, when the rule still is what was suggested (kind and columns). */
export function matchingSuggestion(rule: MappingRule | undefined, variable: string, suggestions: readonly VariableSuggestion[] | undefined) {
  if (!rule || !suggestions) return undefined;
  const s = suggestions.find((x) => x.variable === variable);
  if (!s || s.rule.kind !== rule.kind) return undefined;
  const cols = columnsOf(rule);
  return s.columns.every((c) => cols.includes(c)) ? s : undefined;
}

export const mappableVariables = () => STANDARD.variables.filter((v) => v.kind !== 'derived');

/** Canonical JSON (sorted keys) to tell whether the draft differs from the saved spec. */
export function sameSpec(a: MappingSpec, b: MappingSpec): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A flag variable switched to "from a multi-value column" joins the flags rule already feeding
 * its group (one column lists the group's choices); without one, it starts its own.
 */
export function joinFlagsRule(spec: MappingSpec, variable: string, fallbackColumn: string): MappingSpec {
  const group = standardVariable(variable)?.group;
  const detached = setVariableRule(spec, variable, null);
  const index = detached.rules.findIndex((r) => r.kind === 'flags_from_multi_value' && r.targets.some((t) => standardVariable(t)?.group === group));
  if (index < 0) return setVariableRule(detached, variable, newRule('flags_from_multi_value', variable, null, fallbackColumn));
  const rule = detached.rules[index] as RuleOf<'flags_from_multi_value'>;
  return replaceRule(detached, index, { ...rule, targets: [...rule.targets, variable] });
}

/**
 * Value suggestions, completed from the suggested rules' own value maps: a rule learned from
 * another partner's approved mapping carries its value map but no per-value suggestions, and
 * the steward should be able to accept those values one by one too.
 */
export function completeValueSuggestions(s: MappingSuggestion): MappingSuggestion {
  const seen = new Set(s.values.filter((v) => v.target).map((v) => `${v.column}\u0000${valueKey(v.value)}\u0000${v.target}`));
  const extra: ValueSuggestion[] = [];
  const add = (column: string, value: string, target: string, from: VariableSuggestion) => {
    const key = `${column}\u0000${valueKey(value)}\u0000${target}`;
    if (seen.has(key)) return;
    seen.add(key);
    extra.push({ column, value, count: 0, target, score: from.score, source: from.source });
  };
  for (const v of s.variables) {
    const rule = v.rule;
    if (rule.kind === 'copy') for (const [value, code] of Object.entries(rule.valueMap ?? {})) add(rule.column, value, code, v);
    if (rule.kind === 'flags_from_multi_value') {
      for (const [value, flags] of Object.entries(rule.valueMap)) for (const f of flags) add(rule.column, value, f, v);
    }
  }
  return extra.length ? { ...s, values: [...s.values, ...extra] } : s;
}
