import type { Response } from 'express';
import { z } from 'zod';

/**
 * react-admin's simple REST conventions: `sort=["field","ASC"]`, `range=[0,24]`,
 * `filter={...}` (ra-data-simple-rest), or `_sort`, `_order`, `_start`, `_end`.
 */
export const listQuery = z
  .object({
    sort: z.string().optional(),
    range: z.string().optional(),
    filter: z.string().optional(),
    _sort: z.string().optional(),
    _order: z.enum(['ASC', 'DESC', 'asc', 'desc']).optional(),
    _start: z.coerce.number().int().min(0).optional(),
    _end: z.coerce.number().int().min(0).optional(),
  })
  .passthrough();

export interface ListParams {
  sortField: string | null;
  sortOrder: 'asc' | 'desc';
  offset: number;
  limit: number;
  filter: Record<string, unknown>;
}

function json<T>(text: string | undefined, name: string): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw Object.assign(new Error(`"${name}" is not valid JSON`), { status: 400 });
  }
}

export function parseList(q: z.infer<typeof listQuery>, maxLimit = 500): ListParams {
  const sort = json<[string, string]>(q.sort, 'sort');
  const range = json<[number, number]>(q.range, 'range');
  const filter = json<Record<string, unknown>>(q.filter, 'filter') ?? {};
  const start = range?.[0] ?? q._start ?? 0;
  const end = range ? range[1] + 1 : (q._end ?? start + 25);
  return {
    sortField: sort?.[0] ?? q._sort ?? null,
    sortOrder: (sort?.[1] ?? q._order ?? 'ASC').toLowerCase() === 'desc' ? 'desc' : 'asc',
    offset: Math.max(0, start),
    limit: Math.min(maxLimit, Math.max(1, end - start)),
    filter,
  };
}

export function sendList<T>(res: Response, resource: string, params: ListParams, rows: T[], total: number): T[] {
  const last = params.offset + Math.max(rows.length - 1, 0);
  res.setHeader('Content-Range', `${resource} ${params.offset}-${last}/${total}`);
  return rows;
}
