import { getLayout, normaliseAgeBand, type StandardDefinition } from '../../standard';
import type { DateOrder } from '../spec-schema';
import { DEFAULT_NO, DEFAULT_YES } from '../spec-schema';
import { valueKey } from '../value-key';
import type { ColumnTraits } from './column-traits';
import type { LearnedMappings } from './learned';
import type { Evidence } from './name-evidence';
import { codeMatcher, type CodeMatcher, type ValueMatch } from './value-matcher';
import { NO_WORDS, YES_WORDS } from './value-synonyms';
import type { Candidate, ValueSuggestion } from './types';

export interface BirthDateSourceInput {
  birthDateColumn: string;
  dateFormat: DateOrder;
  reference: { column: string } | { year: number };
}

export interface BuildContext {
  standard: StandardDefinition;
  learned: LearnedMappings;
  /** A birth date and the date to measure age at, when the file has both. */
  birthDate: BirthDateSourceInput | null;
}

const YES = new Set(YES_WORDS.map(valueKey));
const NO = new Set(NO_WORDS.map(valueKey));

/** A value-based factor: how much of the column's records the proposed value map covers. */
function fit(score: number, share: number): number {
  return Math.round(score * (0.5 + 0.5 * share) * 1000) / 1000;
}

export function mapValues(
  t: ColumnTraits,
  values: ColumnTraits['values'],
  matchValue: (value: string) => ValueMatch | null,
): { map: Record<string, string>; share: number; suggestions: ValueSuggestion[] } {
  const map: Record<string, string> = {};
  let mapped = 0;
  let total = 0;
  const suggestions = values.map((v): ValueSuggestion => {
    const m = matchValue(v.value);
    total += v.count;
    if (m) {
      map[v.value.trim()] = m.target;
      mapped += v.count;
    }
    return { column: t.name, value: v.value, count: v.count, target: m?.target ?? null, score: m?.score ?? 0, source: m?.source ?? null };
  });
  return { map, share: total === 0 ? 0 : mapped / total, suggestions };
}

function learnedFirst(ctx: BuildContext, variable: string, matcher: CodeMatcher) {
  const learned = ctx.learned.codes.get(variable);
  return (value: string): ValueMatch | null => {
    const code = learned?.get(valueKey(value));
    return code !== undefined ? { target: code, score: 0.92, source: 'other_partner' } : matcher.match(value);
  };
}

/** A coded variable copied through a value map (gender, majority status, data source, legacy bands), or a year taken from a date. */
export function codeCopy(ctx: BuildContext, variable: string, t: ColumnTraits, e: Evidence): Candidate | null {
  const v = getLayout(ctx.standard).variable(variable);
  if (v.kind === 'year') {
    // A year comes out of a date, even an identifying one: the date itself is never published.
    return { targets: [variable], rule: { kind: 'year_from_date', target: variable, column: t.name }, score: e.score, source: e.source, columns: [t.name], exclusive: false };
  }
  if (t.identifier || v.kind !== 'code') return null;
  let match = learnedFirst(ctx, variable, codeMatcher(ctx.standard, variable));
  if (v.kind === 'code' && v.ageBands) {
    match = (value) => {
      const band = normaliseAgeBand(value, v.ageBands);
      return band ? { target: band, score: 0.95, source: e.source } : null;
    };
  } else if (variable.startsWith('majority') && t.binaryShare >= 0.8) {
    // "Minor?" answered yes/no.
    match = (value) => {
      const key = valueKey(value);
      return YES.has(key) ? { target: 'Minor', score: 0.85, source: e.source } : NO.has(key) ? { target: 'Adult', score: 0.85, source: e.source } : null;
    };
  }
  const { map, share, suggestions } = mapValues(t, t.values, match);
  if (share === 0 && t.filled > 0) return null;
  return {
    targets: [variable],
    rule: { kind: 'copy', target: variable, column: t.name, valueMap: map },
    score: fit(e.score, share),
    source: e.source,
    columns: [t.name],
    exclusive: true,
    values: suggestions,
  };
}

/** Variables measured at registration, which a birth date and a registration date also give. */
const AT_REGISTRATION = new Set(['ageBroad', 'majorityStatus']);

export function ageRule(ctx: BuildContext, variable: string, t: ColumnTraits, e: Evidence, kind: 'age_band_from_age' | 'majority_from_age'): Candidate {
  const birthDate = AT_REGISTRATION.has(variable) ? ctx.birthDate : null;
  const fallback = birthDate ? { birthDate } : {};
  const columns = [t.name, ...(birthDate ? [birthDate.birthDateColumn] : [])];
  return { targets: [variable], rule: { kind, target: variable, column: t.name, ...fallback }, score: fit(e.score, t.ageShare), source: e.source, columns, exclusive: false };
}

export function birthDateRule(ctx: BuildContext, variable: string, kind: 'age_band_from_birth_date' | 'majority_from_birth_date'): Candidate | null {
  if (!ctx.birthDate) return null;
  return { targets: [variable], rule: { kind, target: variable, ...ctx.birthDate }, score: 0.6, source: 'alias', columns: [ctx.birthDate.birthDateColumn], exclusive: false };
}

export function countryRule(variable: string, t: ColumnTraits, e: Evidence): Candidate | null {
  if (t.identifier) return null;
  const naMeans = t.countryCodeShare >= 0.5 ? 'namibia' : 'missing';
  return {
    targets: [variable],
    rule: { kind: 'country', target: variable, column: t.name, naMeans },
    score: t.filled > 0 ? fit(e.score, t.countryShare) : e.score,
    source: e.source,
    columns: [t.name],
    exclusive: true,
  };
}

export function binaryRule(variable: string, t: ColumnTraits, e: Evidence): Candidate | null {
  if (t.identifier || (t.filled > 0 && t.binaryShare < 0.8)) return null;
  const yes = new Set(DEFAULT_YES.map(valueKey));
  const no = new Set(DEFAULT_NO.map(valueKey));
  // Spellings beyond the defaults (`vrai`, `verdadero`) are added so they map.
  for (const { value } of t.values) {
    const key = valueKey(value);
    if (YES.has(key)) yes.add(key);
    if (NO.has(key)) no.add(key);
  }
  return {
    targets: [variable],
    rule: { kind: 'binary', target: variable, column: t.name, yes: [...yes], no: [...no] },
    score: fit(e.score, t.filled > 0 ? t.binaryShare : 1),
    source: e.source,
    columns: [t.name],
    exclusive: true,
  };
}
