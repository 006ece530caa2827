import type { Role } from '../schema';

export interface DemoUser {
  email: string;
  name: string;
  roles: Role[];
  /** Partner short code, for partner users. */
  partner?: string;
}

/** One account per role, plus second stewards/officers so four-eyes reviews can be tried. */
export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.ctdc.org', name: 'Ada Admin', roles: ['admin'] },
  { email: 'liaison@demo.ctdc.org', name: 'Lina Liaison', roles: ['partner_liaison'] },
  { email: 'steward@demo.ctdc.org', name: 'Sami Steward', roles: ['data_steward'] },
  { email: 'steward2@demo.ctdc.org', name: 'Sofia Second-Steward', roles: ['data_steward'] },
  { email: 'privacy@demo.ctdc.org', name: 'Priya Privacy', roles: ['privacy_officer'] },
  { email: 'privacy2@demo.ctdc.org', name: 'Pablo Privacy', roles: ['privacy_officer'] },
  { email: 'release@demo.ctdc.org', name: 'Rui Release', roles: ['release_manager'] },
  { email: 'release2@demo.ctdc.org', name: 'Rania Release', roles: ['release_manager'] },
  { email: 'viewer@demo.ctdc.org', name: 'Vera Viewer', roles: ['viewer'] },
  { email: 'partner@demo.ctdc.org', name: 'Paul Partner', roles: ['partner_user'], partner: 'GCMS' },
];
