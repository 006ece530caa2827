import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import { ApiClient, signedIn, startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, ['admin'])).client;
});
afterAll(async () => { await app.close(); });

const newUser = (over: Record<string, unknown> = {}) => ({
  email: `someone-${Math.random().toString(36).slice(2, 8)}@ctdc.org`,
  name: 'Someone New',
  roles: ['data_steward', 'privacy_officer'],
  password: 'a-long-enough-password',
  ...over,
});

describe('user administration', () => {
  it('creates a user with several staff roles, who can then sign in', async () => {
    const body = newUser();
    const res = await admin.post('/api/users', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: body.email, roles: ['data_steward', 'privacy_officer'], active: true });
    expect((await new ApiClient(app.baseUrl).login(body.email, body.password)).status).toBe(200);
    const [event] = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, res.body.id), eq(auditEvents.action, 'user.created')));
    expect(event.details).toEqual({ roles: ['data_steward', 'privacy_officer'], partnerId: null });
  });

  it('lists users with react-admin paging headers', async () => {
    const res = await admin.get('/api/users?range=[0,1]&sort=["email","ASC"]');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    expect(res.headers.get('content-range')).toMatch(/^users 0-1\/\d+$/);
  });

  it('answers bad input with field details', async () => {
    const res = await admin.post('/api/users', newUser({ email: 'not-an-email', password: 'short', roles: [] }));
    expect(res.status).toBe(400);
    const paths = res.body.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'roles']));
  });

  it('refuses a partner user without a partner, and a duplicate e-mail', async () => {
    const res = await admin.post('/api/users', newUser({ roles: ['partner_user'] }));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/partner user holds only that role and needs a partner/);
    const body = newUser();
    await admin.post('/api/users', body);
    const dup = await admin.post('/api/users', { ...body, email: body.email.toUpperCase() });
    expect(dup.status).toBe(409);
  });

  it('deactivating a user ends their sessions and blocks sign-in', async () => {
    const body = newUser({ roles: ['viewer'] });
    const { body: created } = await admin.post('/api/users', body);
    const them = new ApiClient(app.baseUrl);
    await them.login(body.email, body.password);
    expect((await admin.put(`/api/users/${created.id}`, { active: false })).body.active).toBe(false);
    expect((await them.get('/api/auth/me')).status).toBe(401);
    const again = await new ApiClient(app.baseUrl).login(body.email, body.password);
    expect(again.status).toBe(401);
    expect(again.body.message).toMatch(/deactivated/);
  });

  it('resets a password: the old one stops working', async () => {
    const body = newUser({ roles: ['viewer'] });
    const { body: created } = await admin.post('/api/users', body);
    expect((await admin.post(`/api/users/${created.id}/reset-password`, { password: 'brand-new-password' })).status).toBe(204);
    expect((await new ApiClient(app.baseUrl).login(body.email, body.password)).status).toBe(401);
    expect((await new ApiClient(app.baseUrl).login(body.email, 'brand-new-password')).status).toBe(200);
  });

  it('is for admins only', async () => {
    const { client } = await signedIn(app, ['release_manager']);
    expect((await client.get('/api/users')).status).toBe(403);
    expect((await client.post('/api/users', newUser())).status).toBe(403);
  });
});
