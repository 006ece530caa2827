import { desc, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { auditEvents } from '../../db/schema';
import type { Actor, RequestMeta } from '../auth/actor';
import { eventHash, GENESIS_HASH } from './hash-chain';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  /** Ids, states and counts only: never partner record values. */
  details?: Record<string, unknown>;
}

/**
 * Appends one event to the chain inside the caller's transaction. The advisory lock serialises
 * writers so every event links to exactly one predecessor.
 */
export async function recordAuditEvent(tx: Tx, actor: Actor, meta: RequestMeta, input: AuditInput): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('audit_events_chain'))`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const fields = {
    occurredAt: new Date(),
    actorId: actor.id,
    actorName: actor.name,
    actorRoles: [...actor.roles],
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    fromState: input.fromState ?? null,
    toState: input.toState ?? null,
    reason: input.reason ?? null,
    // Round-trip through JSON so what is hashed is exactly what jsonb gives back.
    details: JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>,
    requestId: meta.requestId ?? null,
    ip: meta.ip ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...fields, hash: eventHash(fields) })
    .returning({ id: auditEvents.id });
  return row.id;
}
