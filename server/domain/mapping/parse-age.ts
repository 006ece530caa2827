const YEARS =
  /^(\d{1,3})(?:[.,](\d+))?\s*(?:ans?|años?|anos?|years?(?:\s+old)?|yrs?|y\.?o\.?|a\.?|y)?\.?$/i;
/** "About 17": the approximation is the partner's, the age is still the best one known. */
const APPROXIMATELY = /^(?:environ|env\.?|aproximadamente|approx\.?|aprox\.?|about|around|ca\.?|cerca de|~|±)\s*/i;
const MONTHS = /^(\d{1,2})\s*(?:mois|months?|meses|mes|m)\.?$/i;

/**
 * An age in years written as a number or as text (`17`, `17.5`, `17 ans`, `17 años`, `17 anos`,
 * `17 years old`, `env. 17 ans`, `6 mois`), or null when the text is not an age.
 */
export function parseAge(text: string): number | null {
  const t = text.trim().normalize('NFC').replace(APPROXIMATELY, '');
  let m = YEARS.exec(t);
  if (m) return Number(m[1]) + (m[2] ? Number(`0.${m[2]}`) : 0);
  m = MONTHS.exec(t);
  if (m) return Number(m[1]) / 12;
  return null;
}
