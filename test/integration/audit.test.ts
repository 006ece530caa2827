import { Client } from 'pg';
import { desc } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import { loadConfig } from '../../server/config';
import { signedIn, startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try { return await fn(client); } finally { await client.end(); }
}

describe('the audit trail', () => {
  it('cannot be changed or deleted by the application role', async () => {
    await signedIn(app, ['viewer']); // writes a sign-in event
    const cfg = loadConfig();
    await withClient(cfg.appDatabaseUrl, async (c) => {
      await expect(c.query("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/permission denied/);
      await expect(c.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
      await expect(c.query('TRUNCATE audit_events')).rejects.toThrow(/permission denied/);
    });
  });

  it('refuses changes even from the owner, through the trigger', async () => {
    await withClient(loadConfig().DATABASE_URL, async (c) => {
      await expect(c.query("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/append-only/);
      await expect(c.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    });
  });

  it('verifies its hash chain, and reports the first broken link when an event is tampered with', async () => {
    const { client } = await signedIn(app, ['admin']);
    const ok = await client.get('/api/audit/verify');
    expect(ok.status).toBe(200);
    expect(ok.body.ok).toBe(true);
    expect(ok.body.eventsChecked).toBeGreaterThan(0);

    const [target] = await app.ctx.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    // Only a superuser who first disables the trigger can tamper; the chain still tells.
    await withClient(loadConfig().DATABASE_URL, async (c) => {
      await c.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      try {
        await c.query("UPDATE audit_events SET reason = 'rewritten' WHERE id = $1", [target.id]);
        const broken = await client.get('/api/audit/verify');
        expect(broken.body).toMatchObject({ ok: false, firstBrokenLink: { id: target.id } });
        expect(broken.body.firstBrokenLink.problem).toMatch(/altered/);
      } finally {
        await c.query('UPDATE audit_events SET reason = $2 WHERE id = $1', [target.id, target.reason]);
        await c.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
      }
    });
    expect((await client.get('/api/audit/verify')).body.ok).toBe(true);
  });

  it('lists events filtered by entity and action', async () => {
    const { client, user } = await signedIn(app, ['privacy_officer']);
    const res = await client.get(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'user', entityId: user.id }))}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ action: 'user.signed_in', actorId: user.id, actorName: user.name, actorRoles: ['privacy_officer'] });
    expect(res.headers.get('content-range')).toBe('audit-events 0-0/1');
  });
});
