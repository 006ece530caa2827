import { normaliseCountry } from '../countries';
import {
  deriveAgeBand,
  isValidValue,
  normaliseAgeBand,
  type CodeVariable,
  type StandardDefinition,
  type StandardVariable,
} from '../standard';
import { parseAge } from './parse-age';
import { parseYear } from './parse-date';
import type { RuleOf } from './spec-schema';
import { valueKey } from './value-key';

export const UNMAPPED: unique symbol = Symbol('unmapped');
/** A standard code, null for "no information", or UNMAPPED for a value nobody said how to map. */
export type Resolved = string | null | typeof UNMAPPED;
export type CellResolver = (cell: string) => Resolved;

export const ADULT_AGE = 18;

/** Identity for values already written as the standard writes them (any case, legacy bands). */
function identity(standard: StandardDefinition, v: StandardVariable): (key: string, raw: string) => string | null {
  switch (v.kind) {
    case 'code': {
      const codes = new Map(v.values.map((c) => [valueKey(c.code), c.code]));
      const bands = v.ageBands;
      return (key, raw) => codes.get(key) ?? (bands ? normaliseAgeBand(raw, bands) : null);
    }
    case 'binary':
      return (key) => (key === '1' || key === '0' ? key : null);
    case 'year':
      return (key) => (isValidValue(standard, v.name, key) ? key : null);
    case 'country':
      return (key) => {
        const code = key.toUpperCase();
        return code.length === 2 && isValidValue(standard, v.name, code) ? code : null;
      };
    case 'derived':
      return () => null;
  }
}

export function copyResolver(rule: RuleOf<'copy'>, standard: StandardDefinition, v: StandardVariable, missing: Set<string>): CellResolver {
  const map = new Map(Object.entries(rule.valueMap).map(([source, code]) => [valueKey(source), code]));
  const same = identity(standard, v);
  return (cell) => {
    const key = valueKey(cell);
    const mapped = map.get(key);
    if (mapped !== undefined) return mapped;
    if (missing.has(key)) return null;
    return same(key, cell) ?? UNMAPPED;
  };
}

export function binaryResolver(rule: RuleOf<'binary'>, missing: Set<string>): CellResolver {
  const yes = new Set(rule.yes.map(valueKey));
  const no = new Set(rule.no.map(valueKey));
  return (cell) => {
    const key = valueKey(cell);
    if (yes.has(key)) return '1';
    if (no.has(key)) return '0';
    return missing.has(key) ? null : UNMAPPED;
  };
}

export function countryResolver(rule: RuleOf<'country'>, missing: Set<string>): CellResolver {
  const naMeans = rule.naMeans;
  return (cell) => {
    const key = valueKey(cell);
    // `NA` stays a candidate country here: normaliseCountry decides by the rule's naMeans.
    if (key !== 'na' && missing.has(key)) return null;
    const r = normaliseCountry(cell, { naMeans });
    return r.status === 'country' ? r.alpha2 : r.status === 'missing' ? null : UNMAPPED;
  };
}

export function ageBandResolver(v: CodeVariable, missing: Set<string>): CellResolver {
  const bands = v.ageBands!;
  return (cell) => {
    if (missing.has(valueKey(cell))) return null;
    const age = parseAge(cell);
    if (age !== null) return deriveAgeBand(age, bands) ?? UNMAPPED;
    return normaliseAgeBand(cell, bands) ?? UNMAPPED;
  };
}

export function majorityResolver(missing: Set<string>): CellResolver {
  return (cell) => {
    if (missing.has(valueKey(cell))) return null;
    const age = parseAge(cell);
    if (age === null || deriveAgeBand(age) === null) return UNMAPPED;
    return age < ADULT_AGE ? 'Minor' : 'Adult';
  };
}

export function yearResolver(rule: RuleOf<'year_from_date'>, standard: StandardDefinition, missing: Set<string>): CellResolver {
  return (cell) => {
    if (missing.has(valueKey(cell))) return null;
    const year = parseYear(cell, rule.formats);
    if (year === null) return UNMAPPED;
    const text = String(year);
    return isValidValue(standard, rule.target, text) ? text : UNMAPPED;
  };
}

const CACHE_LIMIT = 50_000;
const SMALL = 8;

/**
 * Memoised by cell text: partner columns repeat a few values over millions of rows. The first few
 * distinct values are scanned linearly, faster than hashing a fresh string for flag-like columns.
 */
export function memoise(resolve: CellResolver): CellResolver {
  const keys: string[] = [];
  const results: Resolved[] = [];
  let cache: Map<string, Resolved> | null = null;
  return (cell) => {
    if (cache === null) {
      for (let i = 0; i < keys.length; i++) if (keys[i] === cell) return results[i];
      const r = resolve(cell);
      if (keys.length < SMALL) {
        keys.push(cell);
        results.push(r);
      } else {
        cache = new Map(keys.map((k, i) => [k, results[i]]));
        cache.set(cell, r);
      }
      return r;
    }
    let r = cache.get(cell);
    if (r === undefined) {
      r = resolve(cell);
      if (cache.size < CACHE_LIMIT) cache.set(cell, r);
    }
    return r;
  };
}
