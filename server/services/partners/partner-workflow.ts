import { and, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { agreements, partnerContacts, partners } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { AppError } from '../../errors/app-error';
import { performTransition, type WorkflowBinding } from '../../workflow/engine';
import { drizzleStatusAccess } from '../../workflow/drizzle-binding';
import { partnerOnboarding } from '../../workflow/tables';
import { assertPartnerAccess } from './access';

type PartnerRow = typeof partners.$inferSelect;
type PartnerAction = (typeof partnerOnboarding.transitions)[number]['action'];

const today = () => new Date().toISOString().slice(0, 10);

/** A signed agreement whose document is on file and whose period covers today. */
export async function agreementInForce(tx: Tx | Db, partnerId: string, on = today()) {
  const [row] = await tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.partnerId, partnerId), eq(agreements.status, 'signed'), isNotNull(agreements.documentKey),
      lte(agreements.effectiveDate, on), gte(agreements.expiryDate, on)))
    .limit(1);
  return row ?? null;
}

export const partnerBinding: WorkflowBinding<PartnerRow['status'], PartnerAction, PartnerRow> = {
  workflow: partnerOnboarding,
  label: 'Partner',
  ...drizzleStatusAccess<PartnerRow>({ table: partners, id: partners.id, status: partners.status, updatedAt: partners.updatedAt }),
  canAccess: (actor, row) => !actor.roles.includes('partner_user') || actor.partnerId === row.id,
  guards: {
    async signedAgreementInForce({ tx, row }) {
      return (await agreementInForce(tx, row.id))
        ? null
        : 'A signed data-sharing agreement in force today, with its signed document on file, is needed first';
    },
    async primaryContact({ tx, row }) {
      const [c] = await tx.select({ id: partnerContacts.id }).from(partnerContacts)
        .where(and(eq(partnerContacts.partnerId, row.id), eq(partnerContacts.isPrimary, true))).limit(1);
      return c ? null : 'A primary contact is needed first';
    },
  },
};

export async function transitionPartner(
  db: Db, actor: Actor, meta: RequestMeta, partnerId: string, action: string,
  input: { reason?: string; keepContributions?: boolean },
) {
  assertPartnerAccess(actor, partnerId);
  if (action === 'offboard' && typeof input.keepContributions !== 'boolean') {
    throw new AppError('validation', 'Say whether this partner\'s past contributions stay in future releases', {
      fields: [{ path: 'keepContributions', message: 'Required' }],
    });
  }
  return performTransition(db, partnerBinding, {
    id: partnerId,
    action: action as PartnerAction,
    actor,
    meta,
    reason: input.reason,
    async effect(tx) {
      if (action === 'offboard') {
        await tx.update(partners).set({ keepContributions: input.keepContributions }).where(eq(partners.id, partnerId));
        return { keepContributions: input.keepContributions };
      }
      if (action === 'activate' || action === 'reactivate') {
        await tx.update(partners).set({ activatedAt: sql`coalesce(${partners.activatedAt}, now())` }).where(eq(partners.id, partnerId));
      }
    },
  });
}
