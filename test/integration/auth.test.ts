import { eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import { ApiClient, createTestUser, startTestApp, TEST_PASSWORD, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

describe('signing in and out', () => {
  it('signs in with the right password, shows who I am, and signs out', async () => {
    const user = await createTestUser(app.ctx, ['data_steward']);
    const client = new ApiClient(app.baseUrl);
    const login = await client.login(user.email);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ email: user.email, roles: ['data_steward'] });
    expect(login.body.passwordHash).toBeUndefined();
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/ctdc_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    expect((await client.get('/api/auth/me')).body.email).toBe(user.email);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const events = await app.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(events.map((e) => e.action)).toEqual(['user.signed_in', 'user.signed_out']);
  });

  it('refuses a wrong password with a clear message', async () => {
    const user = await createTestUser(app.ctx, ['viewer']);
    const res = await new ApiClient(app.baseUrl).login(user.email, 'not-the-password');
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('Wrong e-mail or password');
  });

  it('rate-limits failed sign-ins per account, and says when to try again', async () => {
    const user = await createTestUser(app.ctx, ['viewer']);
    const client = new ApiClient(app.baseUrl);
    for (let i = 0; i < 5; i++) expect((await client.login(user.email, 'wrong')).status).toBe(401);
    const blocked = await client.login(user.email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/Too many failed sign-ins for this account\. Try again in \d+ minute/);
  });

  it('issues a new session id at every sign-in (no session fixation)', async () => {
    const user = await createTestUser(app.ctx, ['viewer']);
    const client = new ApiClient(app.baseUrl);
    await client.login(user.email);
    const first = client.sessionCookie;
    await client.login(user.email);
    expect(client.sessionCookie).not.toEqual(first);
    // The old session was dropped when the new one was issued.
    const stale = new ApiClient(app.baseUrl);
    stale.useCookie(first);
    expect((await stale.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses state changes without the CSRF token, or from another origin', async () => {
    const user = await createTestUser(app.ctx, ['viewer']);
    const client = new ApiClient(app.baseUrl);
    await client.login(user.email);
    const token = client.csrfToken;
    client.csrfToken = null;
    const res = await client.patch('/api/auth/me', { locale: 'fr' });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/CSRF/);
    client.csrfToken = token;
    const crossSite = await client.request('PATCH', '/api/auth/me', { locale: 'fr' }, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect((await client.patch('/api/auth/me', { locale: 'fr' })).body.locale).toBe('fr');
  });

  it('sends security headers', async () => {
    const res = await fetch(`${app.baseUrl}/api/health`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('health and API description', () => {
  it('reports the database and Redis', async () => {
    const res = await new ApiClient(app.baseUrl).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', redis: 'up' });
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const res = await new ApiClient(app.baseUrl).get('/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/users'].post.requestBody).toBeDefined();
    expect(res.body.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
  });

  it('answers unknown API routes with 404 JSON', async () => {
    const res = await new ApiClient(app.baseUrl).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});
