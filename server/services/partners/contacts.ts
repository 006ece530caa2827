import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client';
import { partnerContacts, partners } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { notFound } from '../../errors/app-error';
import type { contactBody } from './partner-schemas';

type ContactInput = z.infer<typeof contactBody>;

async function lockPartner(tx: Tx, partnerId: string) {
  const [p] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId)).for('update');
  if (!p) throw notFound('Partner');
}

/** One primary contact per partner: making one primary demotes the others in the same transaction. */
async function demoteOthers(tx: Tx, partnerId: string) {
  await tx.update(partnerContacts).set({ isPrimary: false }).where(and(eq(partnerContacts.partnerId, partnerId), eq(partnerContacts.isPrimary, true)));
}

export async function addContact(db: Db, actor: Actor, meta: RequestMeta, partnerId: string, input: ContactInput) {
  return db.transaction(async (tx) => {
    await lockPartner(tx, partnerId);
    if (input.isPrimary) await demoteOthers(tx, partnerId);
    const [row] = await tx.insert(partnerContacts).values({ ...input, partnerId }).returning();
    await recordAuditEvent(tx, actor, meta, {
      action: 'partner.contact_added', entityType: 'partner', entityId: partnerId, details: { contactId: row.id, isPrimary: row.isPrimary },
    });
    return row;
  });
}

export async function updateContact(db: Db, actor: Actor, meta: RequestMeta, contactId: string, input: Partial<ContactInput>) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnerContacts).where(eq(partnerContacts.id, contactId));
    if (!before) throw notFound('Contact');
    await lockPartner(tx, before.partnerId);
    if (input.isPrimary) await demoteOthers(tx, before.partnerId);
    const [row] = await tx.update(partnerContacts).set(input).where(eq(partnerContacts.id, contactId)).returning();
    await recordAuditEvent(tx, actor, meta, {
      action: 'partner.contact_updated', entityType: 'partner', entityId: before.partnerId, details: { contactId, isPrimary: row.isPrimary },
    });
    return row;
  });
}

export async function removeContact(db: Db, actor: Actor, meta: RequestMeta, contactId: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(partnerContacts).where(eq(partnerContacts.id, contactId)).returning();
    if (!row) throw notFound('Contact');
    await recordAuditEvent(tx, actor, meta, {
      action: 'partner.contact_removed', entityType: 'partner', entityId: row.partnerId, details: { contactId, wasPrimary: row.isPrimary },
    });
  });
}
