import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import { ApiClient, createTestUser, signedIn, startTestApp, waitFor, type TestApp } from '../support/harness';

// Two API processes on one database, as in production: each remembers the sessions it has checked.
let a: TestApp;
let b: TestApp;
beforeAll(async () => { [a, b] = await Promise.all([startTestApp(), startTestApp()]); });
afterAll(async () => { await Promise.all([a.close(), b.close()]); });

/** The same browser session sent to the other process. */
function on(app: TestApp, client: ApiClient) {
  const other = new ApiClient(app.baseUrl);
  other.useCookie(client.sessionCookie);
  return other;
}

/** Milliseconds until `client` is refused (401), polling; fails after two seconds. */
async function refusedWithin(client: ApiClient): Promise<number> {
  const start = Date.now();
  await waitFor(async () => (await client.get('/api/auth/me')).status === 401, 2_000, 'the session to be refused');
  return Date.now() - start;
}

async function remembered(app: TestApp, client: ApiClient) {
  expect((await client.get('/api/auth/me')).status).toBe(200);
  await waitFor(async () => app.ctx.sessions.active, 5_000, 'the session cache to listen');
  expect((await client.get('/api/auth/me')).status).toBe(200);
}

describe('sessions remembered by each API process', () => {
  it('a sign-out on one process is refused by the other at once', async () => {
    const { client } = await signedIn(a, ['viewer']);
    const onB = on(b, client);
    await remembered(b, onB);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(await refusedWithin(onB)).toBeLessThan(500);
  });

  it('a user deactivated at a SQL prompt is refused by every process, and new roles apply everywhere', async () => {
    const user = await createTestUser(a.ctx, ['viewer']);
    const onA = new ApiClient(a.baseUrl);
    await onA.login(user.email);
    const onB = on(b, onA);
    await remembered(a, onA);
    await remembered(b, onB);
    expect((await onB.get('/api/users')).status).toBe(403);
    await a.ctx.db.update(users).set({ roles: ['admin'] }).where(eq(users.id, user.id));
    await waitFor(async () => (await onB.get('/api/users')).status === 200, 2_000, 'the new role to apply');
    expect((await onA.get('/api/auth/me')).body.roles).toEqual(['admin']);
    await a.ctx.db.execute(sql`UPDATE users SET active = false WHERE id = ${user.id}`);
    expect(await refusedWithin(onA)).toBeLessThan(500);
    expect(await refusedWithin(onB)).toBeLessThan(500);
  });

  it('reads every session from the database while its notification connection is down, then listens again', async () => {
    const user = await createTestUser(a.ctx, ['viewer']);
    const client = new ApiClient(b.baseUrl);
    await client.login(user.email);
    await remembered(b, client);
    // Cut b's listening connection (and a's: both are idle in LISTEN on this database).
    await b.ctx.db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN ctdc_auth'`);
    await waitFor(async () => !b.ctx.sessions.active, 2_000, 'the cache to notice');
    // No notification can reach b now; the change must still be seen on the very next request.
    await b.ctx.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect((await client.get('/api/auth/me')).status).toBe(401);
    await b.ctx.db.update(users).set({ active: true }).where(eq(users.id, user.id));
    expect((await client.get('/api/auth/me')).status).toBe(200);
    await waitFor(async () => b.ctx.sessions.active, 5_000, 'the cache to listen again');
  });
});
