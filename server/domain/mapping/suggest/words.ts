/**
 * Words of column names and coded values, reduced so spelling variants meet: camelCase and
 * snake_case split, accents and case dropped, crude stems (`restricted`/`restricts` → `restrict`),
 * a few irregular forms, and filler words removed.
 */
const IRREGULAR: Record<string, string> = {
  withheld: 'withhold',
  taken: 'take',
  took: 'take',
  children: 'child',
  labor: 'labour',
  women: 'woman',
  men: 'man',
  kidnapped: 'abduct',
  kidnapping: 'abduct',
  kidnap: 'abduct',
  abducted: 'abduct',
  abduction: 'abduct',
  citizen: 'citizenship',
  nationalite: 'nationality',
  nacionalidad: 'nationality',
  nacionalidade: 'nationality',
};

const FILLER = new Set([
  'of', 'or', 'and', 'the', 'a', 'an', 'to', 'in', 'by', 'is', 'was', 'has', 'de', 'du', 'des', 'la', 'le', 'les', 'l',
  'd', 'et', 'ou', 'y', 'o', 'e', 'el', 'los', 'las', 'do', 'da', 'dos', 'das', 'en', 'em', 'a', 'au', 'aux', 'al',
]);

export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ation')) w = w.slice(0, -5);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return IRREGULAR[w] ?? w;
}

export function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/['’`]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The stemmed, meaningful words of a name or value, in order. */
export function words(text: string): string[] {
  return plain(text)
    .split(' ')
    .filter((w) => w !== '' && !FILLER.has(w))
    .map(stem);
}

/** Share of `a`'s words found in `b` (how much of a column name the variable explains). */
export function coverage(a: readonly string[], b: ReadonlySet<string>): number {
  if (a.length === 0) return 0;
  return a.filter((w) => b.has(w)).length / a.length;
}

/** Dice overlap of two word lists. */
export function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const bs = new Set(b);
  const common = new Set(a.filter((w) => bs.has(w))).size;
  return (2 * common) / (new Set(a).size + bs.size);
}

/** Case- and punctuation-free form for comparing whole names (`CountryofExploitation`). */
export function compact(text: string): string {
  return plain(text).replace(/ /g, '');
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
