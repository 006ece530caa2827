import type { Rng } from './prng';

/**
 * Realistic dirt: the inconsistencies real partner exports carry. Each helper keeps the value
 * recognisable to a careful human, which is what mapping must also achieve.
 */
export type YesNoStyle = 'Y/N' | 'yes/no' | 'TRUE/FALSE' | 'Oui/Non' | '1/0';

const SPELLINGS: Record<YesNoStyle, [string, string]> = {
  'Y/N': ['Y', 'N'],
  'yes/no': ['yes', 'no'],
  'TRUE/FALSE': ['TRUE', 'FALSE'],
  'Oui/Non': ['Oui', 'Non'],
  '1/0': ['1', '0'],
};

export function yesNoSpellings(style: YesNoStyle): [string, string] {
  return SPELLINGS[style];
}

/** A yes/no cell: mostly the column's own spelling, sometimes another case, blank when unknown. */
export function yesNo(rng: Rng, value: boolean | null, style: YesNoStyle, blankRate = 0.05): string {
  if (value === null || rng.chance(blankRate)) return '';
  const text = SPELLINGS[style][value ? 0 : 1];
  return rng.chance(0.03) ? changeCase(rng, text) : text;
}

export function changeCase(rng: Rng, text: string): string {
  const r = rng.next();
  if (r < 0.4) return text.toLowerCase();
  if (r < 0.8) return text.toUpperCase();
  return ` ${text} `;
}

/** Mostly the value; sometimes blank, sometimes another case. */
export function dirty(rng: Rng, text: string, blankRate = 0.03, caseRate = 0.03): string {
  if (rng.chance(blankRate)) return '';
  return rng.chance(caseRate) ? changeCase(rng, text) : text;
}

/** A country code as typed by hand: usually right, sometimes alpha-3, lowercase, or a typo. */
export function dirtyCountryCode(rng: Rng, alpha2: string, toAlpha3: (a2: string) => string): string {
  const r = rng.next();
  if (r < 0.9) return alpha2;
  if (r < 0.95) return toAlpha3(alpha2);
  if (r < 0.98) return alpha2.toLowerCase();
  return alpha2[0] + ' ' + alpha2[1];
}
