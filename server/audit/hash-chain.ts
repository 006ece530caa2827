import { createHash } from 'node:crypto';
import type { ChainedFields } from './audit-event';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the hash does not depend on how jsonb reorders an object. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(e: ChainedFields): string {
  const payload = canonicalJson([
    e.occurredAt.toISOString(), e.actorId, e.actorName, e.actorRoles, e.action, e.entityType, e.entityId,
    e.fromState, e.toState, e.reason, e.details, e.requestId, e.ip, e.prevHash,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}
