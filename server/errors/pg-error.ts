/** The PostgreSQL SQLSTATE of an error, looking through drizzle's wrapper. */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: unknown } | undefined;
  if (!e) return undefined;
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return e.cause ? pgErrorCode(e.cause) : undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
export const INVALID_TEXT_REPRESENTATION = '22P02';
