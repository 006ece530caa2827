/**
 * What a direct identifier looks like in a cell of published microdata. Written separately from
 * the engine and the mapping's identifier detection on purpose: an independent second opinion.
 */
export type IdentifierKind = 'email' | 'phone' | 'long-number' | 'document-number' | 'precise-date' | 'free-text';

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/i;
const PHONE_IN_TEXT = /(?:\+|\b00)\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,}/;
const NUMBER_LIKE = /^[+(]?[\d\s().\/-]+$/;
const YEAR_BAND = /^\d{4}\s*-{1,2}\s*\d{4}$/;
const DOCUMENT_NUMBER = /\b[A-Z]{1,3}\d{6,10}\b/;
const MONTHS = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const PRECISE_DATES = [
  /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/,
  /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/,
  /^\d{4}[-/](?:0?[1-9]|1[0-2])$/,
  /\d{1,2}:\d{2}(?::\d{2})?/,
  new RegExp(`\\b${MONTHS}\\.?\\s+\\d{1,2}\\b`, 'i'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTHS}\\b`, 'i'),
  new RegExp(`^${MONTHS}\\.?\\s+\\d{4}$`, 'i'),
];
/** Published multi-value cells join labels with `;`; a single label longer than this is prose. */
const MAX_LABEL_CHARACTERS = 60;
const MAX_LABEL_WORDS = 7;

const digitCount = (value: string): number => value.replace(/\D/g, '').length;

/** The kind of identifier a cell looks like, or null. Never returns or logs the value itself. */
export function identifierKindOf(raw: string): IdentifierKind | null {
  const value = raw.trim();
  if (value === '') return null;
  if (EMAIL.test(value)) return 'email';
  if (PRECISE_DATES.some((pattern) => pattern.test(value))) return 'precise-date';
  if (NUMBER_LIKE.test(value) && !YEAR_BAND.test(value) && digitCount(value) >= 7) {
    return /[\s().+-]/.test(value) ? 'phone' : 'long-number';
  }
  if (PHONE_IN_TEXT.test(value)) return 'phone';
  if (DOCUMENT_NUMBER.test(value)) return 'document-number';
  const labels = value.split(';');
  if (labels.some((label) => label.trim().length > MAX_LABEL_CHARACTERS || label.trim().split(/\s+/).length > MAX_LABEL_WORDS)) {
    return 'free-text';
  }
  return null;
}

const NAME_LIKE = /^\p{Lu}[\p{Ll}'’]+(?:[ -]\p{Lu}[\p{Ll}'’]+){1,2}$/u;

/**
 * Two or three capitalised words ("Maria Lopez"). Category labels look the same ("Case
 * Management", "Eastern Europe"), so the caller only flags such a value when it is rare.
 */
export function looksLikeName(value: string): boolean {
  return NAME_LIKE.test(value.trim());
}
