import { and, desc, eq, getTableColumns, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvents } from '../schema';
import { countAloneQuery, countSkippable, listTotalFields, withListTotal } from './count';
import { preparedByShape } from './prepared';

export interface AuditEventFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** Actions starting with this, case-insensitive. */
  action?: string;
  from?: Date;
  to?: Date;
}

const FILTERS = ['entityType', 'entityId', 'actorId', 'action', 'from', 'to'] as const;
type Shape = Record<(typeof FILTERS)[number], boolean> & { skipCount: boolean };

// The audit log is append-only: a trigger refuses UPDATE, DELETE and TRUNCATE to everyone.
const TOTAL = { appendOnly: true };

function conditions(s: Shape): SQL | undefined {
  const where: SQL[] = [];
  if (s.entityType) where.push(eq(auditEvents.entityType, sql.placeholder('entityType')));
  if (s.entityId) where.push(eq(auditEvents.entityId, sql.placeholder('entityId')));
  if (s.actorId) where.push(eq(auditEvents.actorId, sql.placeholder('actorId')));
  if (s.action) where.push(ilike(auditEvents.action, sql.placeholder('action')));
  if (s.from) where.push(gte(auditEvents.occurredAt, sql.placeholder('from')));
  if (s.to) where.push(lte(auditEvents.occurredAt, sql.placeholder('to')));
  return where.length ? and(...where) : undefined;
}

const shapeKey = (s: Shape) => `${FILTERS.map((f) => +s[f]).join('')}${s.skipCount ? ':above-cap' : ''}`;
/** The whole log by id, or one entity's history through its index: one plan fits every value. */
const generic = (s: Shape) => FILTERS.every((f) => !s[f]) || (s.entityType && s.entityId && !s.actorId && !s.action && !s.from && !s.to);

const pageStatement = preparedByShape('audit-page', shapeKey, (db, s, statement) =>
  db.select({ ...getTableColumns(auditEvents), ...listTotalFields(db, auditEvents, conditions(s), s.skipCount) })
    .from(auditEvents).where(conditions(s)).orderBy(desc(auditEvents.id))
    .limit(sql.placeholder('limit')).offset(sql.placeholder('offset'))
    .prepare(statement), generic);

const countStatement = preparedByShape('audit-count', shapeKey, (db, s, statement) =>
  countAloneQuery(db, auditEvents, conditions(s), s.skipCount).prepare(statement), generic);

/** A page of the audit log, newest first, and the list's total. */
export async function listAuditEvents(db: Db, f: AuditEventFilter, page: { offset: number; limit: number }) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, !!f[k]])) as Record<(typeof FILTERS)[number], boolean>;
  const filtered = Object.values(filters).some(Boolean);
  const shape: Shape = { ...filters, skipCount: !filtered && countSkippable(db, auditEvents, TOTAL) };
  const values = {
    entityType: f.entityType, entityId: f.entityId, actorId: f.actorId,
    action: f.action ? `${f.action}%` : undefined, from: f.from?.toISOString(), to: f.to?.toISOString(),
  };
  const rows = await pageStatement(db, shape).execute({ ...values, ...page });
  return withListTotal(db, auditEvents, filtered, TOTAL, rows, () => countStatement(db, shape).execute(values));
}
