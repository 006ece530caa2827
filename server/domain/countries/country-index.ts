import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import { AMBIGUOUS_COUNTRY_NAMES, CODE_REPLACEMENTS, COUNTRY_NAME_ALIASES } from './aliases';
import { countryKey } from './country-key';

export const COUNTRY_NAME_LOCALES = ['en', 'fr', 'es', 'pt'] as const;

for (const locale of [en, fr, es, pt]) countries.registerLocale(locale);

/** A name key that several countries share ("Congo") resolves to this marker, never to a guess. */
export const AMBIGUOUS = '?';

/**
 * "Moldova, Republic of" is also written "Republic of Moldova"; "Congo (République du)" also
 * "République du Congo". The bare head ("Congo", "Korea") is indexed too: when several countries
 * share it, it becomes ambiguous, which is the truth.
 */
function nameVariants(name: string): string[] {
  const m = /^(.+?)\s*(?:,\s*(.+)|\((.+)\))$/.exec(name);
  if (!m) return [name];
  const head = m[1];
  const tail = (m[2] ?? m[3]).trim();
  return [name, `${tail} ${head}`, head];
}

function buildNameIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const locale of COUNTRY_NAME_LOCALES) {
    const names = countries.getNames(locale, { select: 'all' });
    for (const [alpha2, list] of Object.entries(names)) {
      const target = CODE_REPLACEMENTS[alpha2] ?? alpha2;
      for (const name of list) {
        for (const variant of nameVariants(name)) {
          const key = countryKey(variant);
          const existing = index.get(key);
          index.set(key, existing === undefined || existing === target ? target : AMBIGUOUS);
        }
      }
    }
  }
  // Aliases are curated, so they settle collisions rather than add to them.
  for (const [name, alpha2] of Object.entries(COUNTRY_NAME_ALIASES)) index.set(countryKey(name), alpha2);
  for (const name of AMBIGUOUS_COUNTRY_NAMES) index.set(countryKey(name), AMBIGUOUS);
  return index;
}

export const NAME_INDEX: ReadonlyMap<string, string> = buildNameIndex();

/** Alpha-2 codes that may appear in a release (Kosovo's XK is published as RS). */
export const PUBLISHABLE_ALPHA2: ReadonlySet<string> = new Set(
  Object.keys(countries.getAlpha2Codes()).filter((c) => !(c in CODE_REPLACEMENTS)),
);

export function alpha3ToAlpha2(code: string): string | undefined {
  return countries.alpha3ToAlpha2(code);
}

export function numericToAlpha2(code: string): string | undefined {
  return countries.numericToAlpha2(code);
}

export function isIsoAlpha2(code: string): boolean {
  return countries.getAlpha2Codes()[code] !== undefined;
}

export function countryName(alpha2: string, locale: (typeof COUNTRY_NAME_LOCALES)[number] = 'en'): string | undefined {
  return countries.getName(alpha2, locale);
}
