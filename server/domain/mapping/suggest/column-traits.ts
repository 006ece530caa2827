import { normaliseCountry } from '../../countries';
import { normaliseAgeBand } from '../../standard';
import type { ColumnProfile, ValueCount } from '../../profiling/types';
import { parseAge } from '../parse-age';
import { parseYear } from '../parse-date';
import { DEFAULT_MISSING_VALUES, missingKeySet, valueKey } from '../value-key';
import { NO_WORDS, YES_WORDS } from './value-synonyms';
import { words } from './words';

/** What a column's name and values say about it, computed once per column. */
export interface ColumnTraits {
  profile: ColumnProfile;
  name: string;
  /** Name words without an HTCDS-style `prs_` prefix or filler. */
  words: string[];
  identifier: boolean;
  /** Non-missing values, most frequent first; empty for identifier columns. */
  values: ValueCount[];
  /** Records holding a non-missing value (from the kept values). */
  filled: number;
  binaryShare: number;
  countryShare: number;
  /** Share of country values written as codes (so `NA` means Namibia). */
  countryCodeShare: number;
  ageShare: number;
  bandShare: number;
  yearShare: number;
  /** Separators that split this column's cells into several codes. */
  separators: string[];
  /** Every separator character found in the values, for rules that can test each one. */
  separatorCandidates: string[];
  /** Codes after splitting by `separators`, with record counts. */
  tokens: ValueCount[];
}

const MISSING = missingKeySet(DEFAULT_MISSING_VALUES);
const YES = new Set(YES_WORDS.map(valueKey));
const NO = new Set(NO_WORDS.map(valueKey));
const GENERIC_WORDS = new Set(['victim', 'vic', 'prs', 'cas', 'per', 'flag', 'yn', 'person', 'us', 'use', 'given', 'reported', 'any', 'indicator', 'code', 'victime', 'victima']);
const SEPARATOR_CANDIDATES = [';', '|', '/', ',', '+'];

export function isMissingValue(value: string): boolean {
  return MISSING.has(valueKey(value));
}

function share(values: ValueCount[], filled: number, test: (v: string) => boolean): number {
  if (filled === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v.value)) n += v.count;
  return n / filled;
}

/**
 * Separators that split cells into codes which also stand alone or recur elsewhere: `;` and `|`
 * in multi-select exports, `/` or `,` in spreadsheets. A comma inside long labels ("Agriculture,
 * forestry and fishing") splits into parts seen nowhere else, so it is prose, not a list.
 */
function detectSeparators(values: ValueCount[]): string[] {
  const whole = new Set(values.map((v) => valueKey(v.value)));
  const found = SEPARATOR_CANDIDATES.filter((sep) => {
    const containing = values.filter((v) => v.value.includes(sep));
    if (containing.length === 0) return false;
    const seen = new Map<string, number>();
    for (const v of containing) for (const p of v.value.split(sep)) seen.set(valueKey(p), (seen.get(valueKey(p)) ?? 0) + 1);
    const parts = [...seen.keys()].filter((p) => p !== '');
    const recurring = parts.filter((p) => whole.has(p) || (seen.get(p) ?? 0) >= 2).length;
    return parts.length > 0 && recurring / parts.length >= 0.5 && parts.every((p) => p.split(' ').length <= 5);
  });
  // Multi-select exports mix `;` and `|`; accept both when one is used and the other is not prose.
  if (found.some((s) => s === ';' || s === '|')) {
    for (const s of [';', '|']) if (!found.includes(s) && !values.some((v) => v.value.includes(s))) found.push(s);
  }
  return found;
}

export function splitTokens(values: ValueCount[], separators: string[], keepMissing = false): ValueCount[] {
  const counts = new Map<string, number>();
  const pattern = separators.length > 0 ? new RegExp(separators.map((s) => `\\${s}`).join('|')) : null;
  for (const { value, count } of values) {
    const parts = pattern ? value.split(pattern) : [value];
    for (const raw of parts) {
      const token = raw.trim();
      if (token === '' || (!keepMissing && isMissingValue(token))) continue;
      counts.set(token, (counts.get(token) ?? 0) + count);
    }
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

const isCountryCode = (v: string) => /^\s*([A-Za-z]{2,3}|\d{1,3})\s*$/.test(v);

export function columnTraits(profile: ColumnProfile): ColumnTraits {
  const identifier = profile.identifier !== null;
  const values = identifier ? [] : (profile.values ?? []).filter((v) => !isMissingValue(v.value));
  const filled = values.reduce((n, v) => n + v.count, 0);
  const countries = values.filter((v) => normaliseCountry(v.value).status === 'country');
  const countryShare = share(countries, filled, () => true);
  const separators = detectSeparators(values);
  const nameWords = words(profile.name.replace(/^(prs|vic|cas|per|hte|org)_/i, ''));
  return {
    profile,
    name: profile.name,
    words: nameWords.filter((w) => !GENERIC_WORDS.has(w)),
    identifier,
    values,
    filled,
    binaryShare: share(values, filled, (v) => YES.has(valueKey(v)) || NO.has(valueKey(v))),
    countryShare,
    countryCodeShare: share(countries, countries.reduce((n, v) => n + v.count, 0), isCountryCode),
    ageShare: share(values, filled, (v) => {
      const age = parseAge(v);
      return age !== null && age <= 110;
    }),
    bandShare: share(values, filled, (v) => normaliseAgeBand(v) !== null && !/^\d+$/.test(v.trim())),
    yearShare: share(values, filled, (v) => parseYear(v) !== null),
    separators,
    separatorCandidates: SEPARATOR_CANDIDATES.filter((sep) => values.some((v) => v.value.includes(sep))),
    tokens: splitTokens(values, separators),
  };
}
