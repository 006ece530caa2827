/**
 * What one cell value looks like, computed once per distinct value and cached by the column
 * accumulator. Numeric codes and a bit mask keep the per-cell work to a few increments.
 */
export const Shape = { Integer: 0, Decimal: 1, Boolean: 2, Date: 3, Email: 4, Phone: 5, Text: 6 } as const;
export type Shape = (typeof Shape)[keyof typeof Shape];
export const SHAPE_COUNT = 7;

export const Trait = {
  NameLike: 1,
  AddressLike: 2,
  DocumentLike: 4,
  IdLike: 8,
  LongDigits: 16,
  MissingMarker: 32,
  MultiValue: 64,
} as const;
export const TRAIT_BITS = [1, 2, 4, 8, 16, 32, 64] as const;

export interface ValueShape {
  shape: Shape;
  words: number;
  traits: number;
}

const BOOLEAN_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'oui', 'non', 'si', 'sí', 'sim', 'não', 'nao', 't', 'f']);
const MISSING_MARKERS = new Set(['-99', '-999', '-9', 'n/a', '#n/a', 'null', 'nil', 'none', 'missing', 'unknown']);
const INTEGER = /^[-+]?\d+$/;
const DECIMAL = /^[-+]?\d*[.,]\d+$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const YMD_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[\d\s().\-/]{6,24}$/;
const NAME_LIKE = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;
const STREET = /\b(?:street|st|road|rd|avenue|ave|lane|drive|boulevard|blvd|rue|avenue|av|boulevard|bd|chemin|impasse|allée|place|calle|avenida|carrera|rua|travessa|strasse|straße|ulitsa)\b/iu;
const ADDRESS_NUMBER = /^\d{1,5}\s*[,]?\s*\p{L}|\b\d{4,5}\s+\p{L}{3,}/u;
const DOCUMENT_LIKE = /^[A-Z]{1,3}\d{6,9}$|^\d{8,12}[A-Z]?$/;
const ID_LIKE = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9_./#-]{2,39}$/;
const MULTI_SEPARATORS = /[;|,/+]/;

function validDate(a: number, b: number, year: number): boolean {
  if (year < 1900 || year > 2100) return false;
  // Either day/month or month/day: both are dates.
  return (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1 && b <= 31);
}

function dateShape(v: string): boolean {
  let m = ISO_DATE.exec(v);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = DMY_DATE.exec(v);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YMD_SLASH.exec(v);
  return m !== null && validDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

function countWords(v: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < v.length; i++) {
    const space = v.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function digitCount(v: string): number {
  let digits = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits;
}

// Lengths beyond which a pattern cannot match, so that long text (narratives, addresses) is not
// lower-cased or run through patterns that would fail anyway.
const LONGEST_WORD = Math.max(...[...BOOLEAN_WORDS, ...MISSING_MARKERS].map((w) => w.length));
const LONGEST_ID = 40;
const LONGEST_DOCUMENT = 13;

/** Classifies a trimmed, non-empty value. */
export function classifyValue(v: string): ValueShape {
  const words = countWords(v);
  let traits = 0;
  if (v.length <= LONGEST_WORD) {
    const lower = v.toLowerCase();
    if (MISSING_MARKERS.has(lower)) traits = Trait.MissingMarker;
    if (BOOLEAN_WORDS.has(lower)) return { shape: Shape.Boolean, words, traits };
  }
  const first = v.charCodeAt(0);
  const numericStart = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 40;
  if (numericStart) {
    if (INTEGER.test(v)) {
      const digits = v.length - (first === 43 || first === 45 ? 1 : 0);
      if (digits >= 9 || (digits >= 7 && v.charCodeAt(0) === 48)) traits |= Trait.LongDigits | Trait.IdLike;
      if (DOCUMENT_LIKE.test(v)) traits |= Trait.DocumentLike;
      return { shape: Shape.Integer, words, traits };
    }
    if (DECIMAL.test(v)) return { shape: Shape.Decimal, words, traits };
    if (dateShape(v)) return { shape: Shape.Date, words, traits };
    if (PHONE.test(v)) {
      const digits = digitCount(v);
      if (digits >= 7 && digits <= 15) return { shape: Shape.Phone, words, traits: traits | Trait.LongDigits };
    }
  }
  if (v.includes('@') && EMAIL.test(v)) return { shape: Shape.Email, words, traits };
  if (v.length <= LONGEST_ID && ID_LIKE.test(v)) traits |= Trait.IdLike;
  if (v.length <= LONGEST_DOCUMENT && DOCUMENT_LIKE.test(v)) traits |= Trait.DocumentLike;
  if (words <= 4 && NAME_LIKE.test(v)) traits |= Trait.NameLike;
  // Addresses carry a street or postal number; testing only those keeps prose off the slow regex.
  if (words >= 2 && words <= 12 && /\d/.test(v) && (ADDRESS_NUMBER.test(v) || STREET.test(v))) traits |= Trait.AddressLike;
  if (MULTI_SEPARATORS.test(v)) traits |= Trait.MultiValue;
  return { shape: Shape.Text, words, traits };
}
