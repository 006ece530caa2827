import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditEvents } from '../../db/schema';
import type { AuditEventRow } from './audit-event';
import { eventHash, GENESIS_HASH } from './hash-chain';

export interface ChainVerification {
  ok: boolean;
  eventsChecked: number;
  firstBrokenLink: { id: number; problem: string } | null;
}

/** Walks the whole chain in id order and reports the first event whose link or hash is wrong. */
export async function verifyAuditChain(db: DbOrTx, batchSize = 2000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    // Typed as the rows the admin UI reads, so a column it relies on cannot be renamed or retyped unnoticed.
    const rows: AuditEventRow[] = await db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(batchSize);
    if (rows.length === 0) return { ok: true, eventsChecked: checked, firstBrokenLink: null };
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return { ok: false, eventsChecked: checked, firstBrokenLink: { id: row.id, problem: 'its previous-hash does not match the event before it' } };
      }
      const expected = eventHash({ ...row, actorRoles: row.actorRoles, details: row.details });
      if (expected !== row.hash) {
        return { ok: false, eventsChecked: checked, firstBrokenLink: { id: row.id, problem: 'its content does not match its hash (altered)' } };
      }
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}
