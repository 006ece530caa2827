import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { partners } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { AppError, notFound } from '../../errors/app-error';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../errors/pg-error';
import type { createPartnerBody, updatePartnerBody } from './partner-schemas';

function duplicateCode(err: unknown): never {
  if (pgErrorCode(err) === UNIQUE_VIOLATION) {
    throw new AppError('conflict', 'Another partner already uses this short code', { fields: [{ path: 'shortCode', message: 'Already in use' }] });
  }
  throw err;
}

export async function createPartner(db: Db, actor: Actor, meta: RequestMeta, input: z.infer<typeof createPartnerBody>) {
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(partners)
        .values({ ...input, website: input.website ?? null, liaisonId: input.liaisonId ?? actor.id, createdBy: actor.id, status: 'prospect' })
        .returning();
      await recordAuditEvent(tx, actor, meta, {
        action: 'partner.created', entityType: 'partner', entityId: row.id, toState: 'prospect', details: { shortCode: row.shortCode },
      });
      return row;
    })
    .catch(duplicateCode);
}

/** Profile fields only: the onboarding state changes through workflow actions, never here. */
export async function updatePartner(db: Db, actor: Actor, meta: RequestMeta, id: string, input: z.infer<typeof updatePartnerBody>) {
  return db
    .transaction(async (tx) => {
      const [before] = await tx.select().from(partners).where(eq(partners.id, id)).for('update');
      if (!before) throw notFound('Partner');
      if (before.status === 'offboarded') throw new AppError('conflict', 'An offboarded partner can no longer be edited');
      const [row] = await tx.update(partners).set({ ...input, updatedAt: sql`now()` }).where(eq(partners.id, id)).returning();
      const changed = Object.keys(input).filter(
        (k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((row as Record<string, unknown>)[k]),
      );
      await recordAuditEvent(tx, actor, meta, { action: 'partner.updated', entityType: 'partner', entityId: id, details: { changed } });
      return row;
    })
    .catch(duplicateCode);
}
