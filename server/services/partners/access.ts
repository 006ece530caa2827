import type { Actor } from '../../auth/actor';
import { isPartnerUser } from '../../auth/actor';
import { notFound } from '../../errors/app-error';

/**
 * Partner isolation: a partner user reaches only its own partner. Anything else answers 404,
 * exactly as for an id that does not exist, so probing reveals nothing.
 */
export function assertPartnerAccess(actor: Actor, partnerId: string, what = 'Partner'): void {
  if (isPartnerUser(actor) && actor.partnerId !== partnerId) throw notFound(what);
}

/** The partner a list must be limited to, or null for staff (who see all). */
export const partnerScope = (actor: Actor): string | null => (isPartnerUser(actor) ? actor.partnerId : null);
