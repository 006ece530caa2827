const ARTICLES = /^(?:the|la|le|les|l|el|los|las)\s+/;

/** Accent-, case-, punctuation- and article-insensitive key for a country name. */
export function countryKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(ARTICLES, '')
    .replace(/ /g, '');
}
