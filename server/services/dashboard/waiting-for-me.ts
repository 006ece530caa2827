import { and, eq, inArray, or, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { partners } from '../../../db/schema';
import type { Actor } from '../../auth/actor';
import { hasRole } from '../../auth/actor';

export interface WaitingItem {
  kind: string;
  title: string;
  entityType: string;
  entityId: string;
  state: string;
}

type Provider = (db: Db, actor: Actor) => Promise<WaitingItem[]>;

/** Partners the liaison must move forward: agreements to activate, suspensions to resolve. */
const partnerFollowUps: Provider = async (db, actor) => {
  if (!hasRole(actor, 'partner_liaison')) return [];
  const rows = await db
    .select({ id: partners.id, name: partners.name, status: partners.status })
    .from(partners)
    .where(and(inArray(partners.status, ['agreement_pending', 'suspended']), or(eq(partners.liaisonId, actor.id!), isNull(partners.liaisonId))));
  return rows.map((p) => ({
    kind: p.status === 'suspended' ? 'partner_suspended' : 'partner_to_activate',
    title: p.name, entityType: 'partner', entityId: p.id, state: p.status,
  }));
};

/** Each workflow adds its provider here: reviews, sign-offs, approvals waiting for this person. */
export const WAITING_PROVIDERS: Provider[] = [partnerFollowUps];

export async function waitingForMe(db: Db, actor: Actor): Promise<WaitingItem[]> {
  const lists = await Promise.all(WAITING_PROVIDERS.map((p) => p(db, actor)));
  return lists.flat();
}
