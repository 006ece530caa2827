import type { DateOrder } from './spec-schema';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/;
const NUMERIC = /^(\d{1,4})[-/.\s](\d{1,2})[-/.\s](\d{1,4})(?:[T\s].*)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function make(year: number, month: number, day: number): CalendarDate | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  return day <= daysInMonth(year, month) ? { year, month, day } : null;
}

/**
 * A calendar date in the given order (`dmy`: 04/03/2019 is 4 March). ISO `yyyy-mm-dd` is accepted
 * whatever the order; two-digit years are refused rather than given a century.
 */
export function parseDate(text: string, order: DateOrder): CalendarDate | null {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(t);
  if (!m) return null;
  const [a, b, c] = [m[1], m[2], m[3]];
  switch (order) {
    case 'ymd':
      return a.length === 4 ? make(Number(a), Number(b), Number(c)) : null;
    case 'dmy':
      return c.length === 4 ? make(Number(c), Number(b), Number(a)) : null;
    case 'mdy':
      return c.length === 4 ? make(Number(c), Number(a), Number(b)) : null;
  }
}

/**
 * Like parseDate, but a date written in another order is still read when only one reading is
 * possible (`25/12/2019` cannot be month-first). Ambiguous dates stay null.
 */
export function parseDateLenient(text: string, order: DateOrder): CalendarDate | null {
  const strict = parseDate(text, order);
  if (strict) return strict;
  const m = NUMERIC.exec(text.trim());
  if (!m) return null;
  if (m[1].length === 4) return parseDate(text, 'ymd');
  if (m[3].length !== 4) return null;
  const dmy = parseDate(text, 'dmy');
  const mdy = parseDate(text, 'mdy');
  return dmy && mdy ? null : (dmy ?? mdy);
}

export function excelSerialToDate(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 100_000) return null;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return make(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const MONTH_WORD = /^[\p{L}.]+$/u;

/**
 * The year of a date written in any usual way (`2019-03-04`, `04/03/2019`, `3/4/2019 10:00`,
 * `2019`, `mars 2019`): the year does not depend on the day/month order. Excel day numbers only
 * with the `excel_serial` hint. Null when no single plausible four-digit year is found.
 */
export function parseYear(text: string, hints: readonly string[] = []): number | null {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return plausible(Number(t));
  if (/^\d{5}(?:\.\d+)?$/.test(t)) return hints.includes('excel_serial') ? (excelSerialToDate(Number(t))?.year ?? null) : null;
  const iso = ISO.exec(t);
  if (iso) return make(Number(iso[1]), Number(iso[2]), Number(iso[3]))?.year ?? null;
  const parts = t.split(/[T\s]/)[0].split(/[-/.]/);
  if (parts.length >= 2 && parts.every((p) => /^\d{1,4}$/.test(p))) {
    const years = parts.filter((p) => p.length === 4);
    return years.length === 1 ? plausible(Number(years[0])) : null;
  }
  // A month written out: `mars 2019`, `March 2019`, `4 de marzo de 2019`.
  const words = t.split(/[\s,]+/).filter((w) => w !== 'de' && w !== 'of');
  const years = words.filter((w) => /^\d{4}$/.test(w));
  const ok = words.every((w) => /^\d{1,4}$/.test(w) || MONTH_WORD.test(w));
  return ok && years.length === 1 && words.length <= 4 ? plausible(Number(years[0])) : null;
}

function plausible(year: number): number | null {
  return year >= 1900 && year <= 2100 ? year : null;
}

/** Whole years from `birth` to `at`. */
export function fullYearsBetween(birth: CalendarDate, at: CalendarDate): number {
  const beforeBirthday = at.month < birth.month || (at.month === birth.month && at.day < birth.day);
  return at.year - birth.year - (beforeBirthday ? 1 : 0);
}
