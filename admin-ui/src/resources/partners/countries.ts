import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';

type Names = Record<string, string | string[]>;

// i18n-iso-countries' names; only its three language files are bundled, not the library.
const NAMES: Record<string, Names> = { en: en.countries, fr: fr.countries, es: es.countries };

const first = (n: string | string[] | undefined) => (Array.isArray(n) ? n[0] : n);

export interface CountryChoice {
  id: string;
  name: string;
}

const cache = new Map<string, CountryChoice[]>();

/** Every ISO 3166-1 alpha-2 country, named and sorted in the interface language. */
export function countryChoices(locale: string): CountryChoice[] {
  let list = cache.get(locale);
  if (!list) {
    const names = NAMES[locale] ?? NAMES.en;
    list = Object.keys(NAMES.en)
      .map((code) => ({ id: code, name: first(names[code]) ?? first(NAMES.en[code]) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
    cache.set(locale, list);
  }
  return list;
}

export function useCountries() {
  const [locale] = useLocaleState();
  return useMemo(() => {
    const choices = countryChoices(locale);
    const byCode = new Map(choices.map((c) => [c.id, c.name]));
    return { choices, name: (code: string) => byCode.get(code.toUpperCase()) ?? code };
  }, [locale]);
}
