import { asc, desc, type AnyColumn, type SQL } from 'drizzle-orm';
import type { ListParams } from './list-query';

/** Maps a client's sort field onto a whitelisted column; unknown fields fall back to the default. */
export function orderBy(params: ListParams, columns: Record<string, AnyColumn>, fallback: SQL): SQL {
  const column = params.sortField ? columns[params.sortField] : undefined;
  if (!column) return fallback;
  return params.sortOrder === 'desc' ? desc(column) : asc(column);
}
