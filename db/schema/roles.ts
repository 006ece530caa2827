/**
 * The roles, in the order forms list them. Constants only and no imports: the admin UI bundles
 * this file, so it must never import drizzle or anything else.
 */
export const ROLES = [
  'admin',
  'partner_liaison',
  'data_steward',
  'privacy_officer',
  'release_manager',
  'viewer',
  'partner_user',
] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = Exclude<Role, 'partner_user'>;
