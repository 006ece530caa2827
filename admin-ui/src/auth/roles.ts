import { ROLES, type Role } from '../../../db/schema/roles';

export { ROLES, type Role };

export const STAFF_ROLES = ROLES.filter((r) => r !== 'partner_user');
