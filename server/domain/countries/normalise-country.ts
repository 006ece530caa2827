import { CODE_REPLACEMENTS, COUNTRY_MISSING_WORDS } from './aliases';
import { countryKey } from './country-key';
import {
  AMBIGUOUS,
  NAME_INDEX,
  PUBLISHABLE_ALPHA2,
  alpha3ToAlpha2,
  isIsoAlpha2,
  numericToAlpha2,
} from './country-index';

export type CountryResult =
  | { status: 'country'; alpha2: string }
  | { status: 'missing' }
  | { status: 'unknown'; reason: 'not_a_country' | 'ambiguous' };

export interface NormaliseCountryOptions {
  /**
   * What a bare `NA` means. In a column of ISO codes it is Namibia (the default, as the standard
   * warns); in a column of written-out names it is almost always "not available".
   */
  naMeans?: 'namibia' | 'missing';
}

const MISSING: CountryResult = Object.freeze({ status: 'missing' });
const NOT_A_COUNTRY: CountryResult = Object.freeze({ status: 'unknown', reason: 'not_a_country' });
const AMBIGUOUS_NAME: CountryResult = Object.freeze({ status: 'unknown', reason: 'ambiguous' });
const MISSING_CODES = new Set(['ZZ', 'XX', '-99', '-9', '99', '999', '-999', 'N/A', 'N.A.', 'N.A', 'N-A']);
const MISSING_KEYS = new Set(COUNTRY_MISSING_WORDS.map(countryKey));

const found = (alpha2: string): CountryResult => {
  const code = CODE_REPLACEMENTS[alpha2] ?? alpha2;
  return PUBLISHABLE_ALPHA2.has(code) ? { status: 'country', alpha2: code } : NOT_A_COUNTRY;
};

/**
 * A country given as a name (English, French, Spanish, Portuguese; accents, case and punctuation
 * ignored), an alpha-2, alpha-3 or numeric code, as the alpha-2 code the standard publishes.
 * Never guesses: a name shared by several countries or not recognised is `unknown`.
 */
export function normaliseCountry(input: string | null | undefined, options: NormaliseCountryOptions = {}): CountryResult {
  const raw = (input ?? '').trim();
  if (raw === '' || /^0+$/.test(raw)) return MISSING;
  if (MISSING_CODES.has(raw.toUpperCase())) return MISSING;
  // A code typed with a stray space or dot ("P H", "U.A") is still that code.
  const upper = /^[A-Za-z][\s.\-][A-Za-z]\.?$/.test(raw) ? (raw[0] + raw[2]).toUpperCase() : raw.toUpperCase();
  if (upper === 'NA') return options.naMeans === 'missing' ? MISSING : found('NA');
  if (/^[A-Z]{2}$/.test(upper)) {
    if (isIsoAlpha2(upper) || upper in CODE_REPLACEMENTS) return found(upper);
  } else if (/^[A-Z]{3}$/.test(upper)) {
    if (upper in CODE_REPLACEMENTS) return found(upper);
    const alpha2 = alpha3ToAlpha2(upper);
    if (alpha2) return found(alpha2);
  } else if (/^\d{1,3}$/.test(raw)) {
    const alpha2 = numericToAlpha2(raw.padStart(3, '0'));
    return alpha2 ? found(alpha2) : NOT_A_COUNTRY;
  }
  const key = countryKey(raw);
  if (key === '' || MISSING_KEYS.has(key)) return MISSING;
  const byName = NAME_INDEX.get(key);
  if (byName === AMBIGUOUS) return AMBIGUOUS_NAME;
  return byName ? found(byName) : NOT_A_COUNTRY;
}

/** True when the value may be published as a country (an ISO alpha-2 code other than XK). */
export function isPublishableCountryCode(code: string): boolean {
  return PUBLISHABLE_ALPHA2.has(code);
}
