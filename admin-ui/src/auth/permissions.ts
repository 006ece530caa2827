import { rolesAllow, type Permission } from '../../../server/auth/permissions';

export { rolesAllow, type Permission };

/**
 * The permission that opens each resource's pages and menu entry: the very rule the API enforces
 * for its list route, imported from the server so the two cannot drift apart.
 */
export const RESOURCE_PERMISSION: Record<string, Permission> = {
  users: 'users.manage',
  'audit-events': 'audit.read',
  'job-runs': 'jobs.read',
  notifications: 'notifications.own',
  partners: 'partners.read',
  submissions: 'submissions.read',
  'mapping-versions': 'mappings.read',
  releases: 'releases.read',
  'anonymization-runs': 'runs.read',
  policies: 'policies.read',
  reports: 'reports.read',
};

export function canOpenResource(roles: readonly string[] | undefined, resource: string): boolean {
  const permission = RESOURCE_PERMISSION[resource];
  // Resources not listed here are left to the server to refuse.
  return permission ? rolesAllow(roles ?? [], permission) : true;
}
