import { and, desc, eq, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvents } from '../schema';
import { prepareListTotal } from './count';
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
type Shape = Record<(typeof FILTERS)[number], boolean>;

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

const shapeKey = (s: Shape) => FILTERS.map((f) => +s[f]).join('');

const pageStatement = preparedByShape('audit-page', shapeKey, (db, s, statement) =>
  db.select().from(auditEvents).where(conditions(s)).orderBy(desc(auditEvents.id))
    .limit(sql.placeholder('limit')).offset(sql.placeholder('offset'))
    .prepare(statement));

// The audit log is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE to everyone).
const totalStatement = preparedByShape('audit-total', shapeKey, (db, s, statement) =>
  prepareListTotal(db, auditEvents, conditions(s), statement, { appendOnly: true }));

/** A page of the audit log, newest first, and the list's total. */
export async function listAuditEvents(db: Db, f: AuditEventFilter, page: { offset: number; limit: number }) {
  const shape = Object.fromEntries(FILTERS.map((k) => [k, !!f[k]])) as Shape;
  const values = {
    entityType: f.entityType, entityId: f.entityId, actorId: f.actorId,
    action: f.action ? `${f.action}%` : undefined, from: f.from?.toISOString(), to: f.to?.toISOString(),
  };
  const [rows, total] = await Promise.all([
    pageStatement(db, shape).execute({ ...values, ...page }),
    totalStatement(db, shape).execute(values),
  ]);
  return { rows, total };
}
