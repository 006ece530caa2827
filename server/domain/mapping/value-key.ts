/** Matching key for source values: case, accents, surrounding and repeated spaces ignored. */
export function valueKey(value: string): string {
  const trimmed = value.trim();
  // Fast path: most coded cells are short ASCII.
  if (/^[\x20-\x7e]*$/.test(trimmed)) return trimmed.toLowerCase().replace(/\s+/g, ' ');
  return trimmed
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

export const DEFAULT_MISSING_VALUES = [
  '',
  '-99',
  '-9',
  '-999',
  'NULL',
  'NA',
  'N/A',
  'n.a.',
  'Unknown',
  'Not known',
  'Inconnu',
  'Inconnue',
  'Desconocido',
  'Desconocida',
  'Desconhecido',
  '?',
  '-',
  '.',
];

export function missingKeySet(values: readonly string[] = DEFAULT_MISSING_VALUES): Set<string> {
  return new Set(values.map(valueKey));
}
