/**
 * An audit event's fields. Types only and no imports: the admin UI reads these same declarations.
 * `Time` is a Date on the server and the ISO string the API sends.
 */

/** The fields an event's hash covers. */
export interface ChainedFields<Time = Date> {
  occurredAt: Time;
  actorId: string | null;
  actorName: string;
  actorRoles: string[];
  action: string;
  entityType: string;
  entityId: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
}

/** A stored event: a row of `GET /api/audit-events`. */
export interface AuditEventRow<Time = Date> extends ChainedFields<Time> {
  id: number;
  hash: string;
}
