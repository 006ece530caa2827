import type { Role } from '../../db/schema';

/**
 * The whole permission model in one place: each permission names the roles that hold it.
 * Routes declare one permission; anything not declared is denied. Resource checks (a partner
 * user reaching only its own partner) happen in the services, on top of this.
 */
const STAFF: Role[] = ['admin', 'partner_liaison', 'data_steward', 'privacy_officer', 'release_manager', 'viewer'];
const WORKING_STAFF: Role[] = ['admin', 'partner_liaison', 'data_steward', 'privacy_officer', 'release_manager'];
const EVERYONE: Role[] = [...STAFF, 'partner_user'];

export const PERMISSIONS = {
  'session.self': EVERYONE,
  'dashboard.read': EVERYONE,
  'notifications.own': EVERYONE,
  'workflows.read': EVERYONE,
  'users.manage': ['admin'],
  'audit.read': WORKING_STAFF,
  'audit.verify': ['admin', 'privacy_officer'],
  'jobs.read': WORKING_STAFF,
  'jobs.board': ['admin'],
  'partners.read': EVERYONE,
  'partners.manage': ['partner_liaison'],
  'partners.transition': ['partner_liaison'],
  'agreements.read': WORKING_STAFF,
  'agreements.document': WORKING_STAFF,
  'submissions.read': [...WORKING_STAFF, 'partner_user'],
  'submissions.upload': ['data_steward', 'partner_liaison', 'partner_user'],
  'submissions.transition': ['data_steward'],
  /** Harmonized record values: staff only, never partner users or viewers. */
  'records.read': ['admin', 'data_steward', 'privacy_officer', 'release_manager'],
  'mappings.read': WORKING_STAFF,
  'mappings.write': ['data_steward'],
  'mappings.transition': ['data_steward'],
  'policies.read': WORKING_STAFF,
  'policies.write': ['privacy_officer'],
  'runs.read': WORKING_STAFF,
  'runs.decide': ['privacy_officer'],
  'releases.read': STAFF,
  'releases.compose': ['release_manager'],
  'releases.signoff': ['privacy_officer', 'release_manager'],
  'releases.publish': ['release_manager'],
  'reports.read': [...STAFF, 'partner_user'],
  'reports.request': ['admin', 'partner_liaison', 'data_steward', 'release_manager', 'partner_user'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function rolesAllow(roles: readonly string[], permission: Permission): boolean {
  const allowed = PERMISSIONS[permission] as readonly string[];
  return roles.some((r) => allowed.includes(r));
}
