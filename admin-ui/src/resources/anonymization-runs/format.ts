import { useLocaleState } from 'react-admin';

/** Numbers, shares and country names in the interface language (Intl: nothing added to the bundle). */
export function useFormat() {
  const [locale] = useLocaleState();
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  let regions: Intl.DisplayNames | null = null;
  try {
    regions = new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    regions = null;
  }
  return {
    locale,
    int: (n: number | null | undefined) => (n == null ? '' : integer.format(n)),
    dec: (n: number | null | undefined) => (n == null ? '' : decimal.format(n)),
    pct: (share: number | null | undefined) => (share == null ? '' : percent.format(share)),
    /** An ISO alpha-2 code as a country name; anything else (a region label, '') as it is. */
    country: (code: string) => {
      if (!/^[A-Z]{2}$/.test(code) || !regions) return code;
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}
