/**
 * Whole-day calendar arithmetic on integers (days since 1970-01-01), so generating a million rows
 * creates no Date objects. Algorithms from Howard Hinnant's "chrono-compatible low-level date
 * algorithms".
 */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

export function isoDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** dd/mm/yyyy, as French and most non-US spreadsheets write dates. */
export function frenchDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/** Whole years between two day numbers (age on the later day). */
export function yearsBetween(fromDays: number, toDays: number): number {
  const a = civilFromDays(fromDays);
  const b = civilFromDays(toDays);
  let years = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) years--;
  return years;
}
