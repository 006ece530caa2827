import { ROLES, type Role } from '../../db/schema';
import { routeRegistry } from '../../server/http/route';
import { ApiClient, signedIn, startTestApp, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';

/**
 * Every route × every role: allowed or denied. Written out by hand, apart from the permission
 * table, so a change to who may do what has to be made twice, on purpose.
 */
const STAFF: Role[] = ['admin', 'partner_liaison', 'data_steward', 'privacy_officer', 'release_manager', 'viewer'];
const WORKING: Role[] = ['admin', 'partner_liaison', 'data_steward', 'privacy_officer', 'release_manager'];
const ALL: Role[] = [...STAFF, 'partner_user'];

const MATRIX: Record<string, Role[] | 'public'> = {
  'GET /health': 'public',
  'GET /workflows': ALL,
  'POST /auth/login': 'public',
  'POST /auth/logout': ALL,
  'GET /auth/me': ALL,
  'PATCH /auth/me': ALL,
  'POST /auth/password': ALL,
  'GET /users': ['admin'],
  'GET /users/:id': ['admin'],
  'POST /users': ['admin'],
  'PUT /users/:id': ['admin'],
  'POST /users/:id/reset-password': ['admin'],
  'GET /audit-events': WORKING,
  'GET /audit-events/:id': WORKING,
  'GET /audit/verify': ['admin', 'privacy_officer'],
  'GET /job-runs': WORKING,
  'GET /job-runs/:id': WORKING,
  'POST /job-runs/self-test': ['admin'],
  'GET /notifications': ALL,
  'GET /notifications/unread-count': ALL,
  'POST /notifications/:id/read': ALL,
  'POST /notifications/read-all': ALL,
  'GET /dashboard': ALL,
  'GET /partners': ALL,
  'GET /partners/state-counts': ALL,
  'GET /partners/:id': ALL,
  'POST /partners': ['partner_liaison'],
  'PUT /partners/:id': ['partner_liaison'],
  'POST /partners/:id/actions/:action': ['partner_liaison'],
  'POST /partners/:id/contacts': ['partner_liaison'],
  'PUT /partner-contacts/:id': ['partner_liaison'],
  'DELETE /partner-contacts/:id': ['partner_liaison'],
  'GET /partners/:id/users': ['partner_liaison'],
  'POST /partners/:id/users': ['partner_liaison'],
  'GET /partners/:id/agreements': WORKING,
  'GET /agreements/:id': WORKING,
  'POST /partners/:id/agreements': ['partner_liaison'],
  'PUT /agreements/:id': ['partner_liaison'],
  'POST /agreements/:id/document': ['partner_liaison'],
  'POST /agreements/:id/actions/:action': ['partner_liaison'],
  'GET /agreements/:id/document': WORKING,
  'GET /submissions': [...WORKING, 'partner_user'],
  'GET /submissions/:id': [...WORKING, 'partner_user'],
  'POST /partners/:id/submissions': ['data_steward', 'partner_liaison', 'partner_user'],
  'POST /submissions/:id/actions/:action': ['data_steward'],
  'GET /submissions/:id/jobs': [...WORKING, 'partner_user'],
  'GET /submissions/:id/records': ['admin', 'data_steward', 'privacy_officer', 'release_manager'],
  'GET /partners/:id/mapping-versions': WORKING,
  'GET /mapping-versions': WORKING,
  'GET /mapping-versions/:id': WORKING,
  'GET /mapping-versions/:id/diff': WORKING,
  'GET /mapping-versions/:id/coverage': WORKING,
  'GET /submissions/:id/suggestions': ['data_steward'],
  'POST /partners/:id/mapping-versions': ['data_steward'],
  'PUT /mapping-versions/:id': ['data_steward'],
  'POST /mapping-versions/:id/actions/:action': ['data_steward'],
  'POST /mapping-versions/:id/comments': ['data_steward'],
  'GET /policies': WORKING,
  'GET /policies/default': WORKING,
  'GET /policies/:id': WORKING,
  'POST /policies': ['privacy_officer'],
  'POST /policies/:id/versions': ['privacy_officer'],
  'GET /policies/:id/preview': WORKING,
  'GET /policies/:id/hierarchies/:qi': WORKING,
  'POST /policies/:id/hierarchies/:qi': ['privacy_officer'],
  'GET /anonymization-runs': WORKING,
  'GET /anonymization-runs/:id': WORKING,
  'POST /anonymization-runs/:id/actions/:action': ['privacy_officer'],
  'POST /anonymization-runs/:id/differencing-override': ['privacy_officer'],
  'GET /releases': STAFF,
  'GET /releases/eligible-submissions': ['release_manager'],
  'GET /releases/:id': STAFF,
  'POST /releases': ['release_manager'],
  'PUT /releases/:id': ['release_manager'],
  'POST /releases/:id/actions/:action': ['release_manager'],
  'POST /releases/:id/signoffs': ['privacy_officer', 'release_manager'],
  'POST /releases/:id/signoffs/reject': ['privacy_officer', 'release_manager'],
  'GET /releases/:id/artifacts': STAFF,
  'GET /releases/:id/artifacts/:kind': STAFF,
  'GET /public/releases': 'public',
  'GET /public/releases.html': 'public',
  'GET /public/releases/:version': 'public',
  'GET /public/releases/:version/artifacts/:kind': 'public',
  'POST /partners/:id/reports': ['admin', 'partner_liaison', 'data_steward', 'release_manager', 'partner_user'],
  'GET /reports': ALL,
  'GET /reports/:id': ALL,
  'GET /reports/:id/download': ALL,
};

let app: TestApp;
const clients = new Map<Role, ApiClient>();
beforeAll(async () => {
  app = await startTestApp();
  const partner = await insertPartner(app.ctx, 'active');
  for (const role of ROLES) clients.set(role, (await signedIn(app, [role], role === 'partner_user' ? partner.id : null)).client);
});
afterAll(async () => { await app.close(); });

const key = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

it('covers every route the API declares, and nothing else', () => {
  expect(routeRegistry.map(key).sort()).toEqual(Object.keys(MATRIX).sort());
});

// Sign-out ends the session, so it goes last.
const routes = Object.entries(MATRIX).sort(([a], [b]) => Number(a === 'POST /auth/logout') - Number(b === 'POST /auth/logout'));

describe.each(ROLES)('as %s', (role) => {
  it.each(routes)('%s', async (route, allowed) => {
    const [method, path] = route.split(' ');
    const url = `/api${path.replace(/:action/, 'x').replace(/:\w+/g, '00000000-0000-4000-8000-000000000000')}`;
    const res = await clients.get(role)!.request(method, url, method === 'GET' ? undefined : {});
    if (allowed === 'public' || allowed.includes(role)) {
      expect([401, 403]).not.toContain(res.status);
    } else {
      expect(res.status).toBe(403);
    }
  });
});

it('answers 401 to every non-public route without a session', async () => {
  const anonymous = new ApiClient(app.baseUrl);
  for (const [route, allowed] of Object.entries(MATRIX)) {
    if (allowed === 'public') continue;
    const [method, path] = route.split(' ');
    const url = `/api${path.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000')}`;
    const res = await anonymous.request(method, url, method === 'GET' ? undefined : {});
    expect({ route, status: res.status }).toEqual({ route, status: 401 });
  }
});
