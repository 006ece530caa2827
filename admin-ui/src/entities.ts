import { WORKFLOWS } from './workflow';

/**
 * Where each audited entity type has its page in this UI. Engineers adding a resource register
 * it here, and every audit entry, notification and job about such an entity links to it.
 */
export const ENTITY_PAGES: Record<string, { resource: string; view: 'edit' | 'show' }> = {
  user: { resource: 'users', view: 'edit' },
  partner: { resource: 'partners', view: 'show' },
  submission: { resource: 'submissions', view: 'show' },
  mapping_version: { resource: 'mapping-versions', view: 'show' },
  release: { resource: 'releases', view: 'show' },
  anonymization_run: { resource: 'anonymization-runs', view: 'show' },
  anonymization_policy: { resource: 'policies', view: 'show' },
};

/** Entity types the audit log can be filtered by. */
export const ENTITY_TYPES: string[] = Array.from(new Set(['user', ...Object.keys(WORKFLOWS), 'system']));
