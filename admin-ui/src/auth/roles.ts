import type { Role } from '../../../db/schema';

export type { Role };

/** Every role, in the order forms list them; the check below fails to compile if a role is added on the server. */
export const ROLES = [
  'admin',
  'partner_liaison',
  'data_steward',
  'privacy_officer',
  'release_manager',
  'viewer',
  'partner_user',
] as const satisfies readonly Role[];

type Unlisted = Exclude<Role, (typeof ROLES)[number]>;
const everyRoleListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyRoleListed;

export const STAFF_ROLES = ROLES.filter((r) => r !== 'partner_user');
