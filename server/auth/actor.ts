import type { Role } from '../../db/schema';

/** Who does something: a signed-in user, or the system (schedules, workers). */
export interface Actor {
  id: string | null;
  name: string;
  roles: readonly (Role | 'system')[];
  partnerId: string | null;
}

export interface RequestMeta {
  requestId?: string;
  ip?: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', roles: ['system'], partnerId: null };

export const hasRole = (actor: Actor, ...roles: Role[]) => actor.roles.some((r) => (roles as string[]).includes(r));
export const isPartnerUser = (actor: Actor) => actor.roles.includes('partner_user');
