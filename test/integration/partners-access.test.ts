import { and, eq } from 'drizzle-orm';
import { auditEvents, notifications, partners } from '../../db/schema';
import { sweepAgreements } from '../../server/services/partners/agreement-sweep';
import { ApiClient, signedIn, startTestApp, type TestApp } from '../support/harness';
import { insertPartner, isoDay, makePdf, primaryContact, signedAgreement, uploadForm } from '../support/partners';

let app: TestApp;
let liaison: ApiClient;
let liaisonId: string;
beforeAll(async () => {
  app = await startTestApp();
  const s = await signedIn(app, ['partner_liaison']);
  liaison = s.client;
  liaisonId = s.user.id;
});
afterAll(async () => { await app.close(); });

describe('partner isolation', () => {
  it('a partner user reads its own partner and gets 404 for another', async () => {
    const own = await insertPartner(app.ctx, 'active');
    const other = await insertPartner(app.ctx, 'active');
    const { client } = await signedIn(app, ['partner_user'], own.id);
    expect((await client.get(`/api/partners/${own.id}`)).status).toBe(200);
    const probe = await client.get(`/api/partners/${other.id}`);
    expect(probe.status).toBe(404);
    expect(JSON.stringify(probe.body)).not.toContain(other.name);
    const list = await client.get('/api/partners');
    expect(list.body.map((p: { id: string }) => p.id)).toEqual([own.id]);
    expect((await client.post(`/api/partners/${other.id}/actions/suspend`, { reason: 'x' })).status).toBe(403);
  });
});

describe('agreement documents', () => {
  let agreementId: string;
  beforeAll(async () => {
    const p = await insertPartner(app.ctx, 'engaged');
    const res = await liaison.post(`/api/partners/${p.id}/agreements`, {
      effectiveDate: isoDay(0), expiryDate: isoDay(365), attribution: 'Courtesy of the partner',
    });
    expect(res.body.version).toBe(1);
    agreementId = res.body.id;
  });

  it('refuses a file that is not a PDF, whatever its name says', async () => {
    const res = await liaison.request('POST', `/api/agreements/${agreementId}/document`, uploadForm(Buffer.from('<html><script>alert(1)</script>'), 'agreement.pdf'));
    expect(res.status).toBe(415);
    expect(res.body.message).toBe('"agreement.pdf" is not a PDF: only signed agreements in PDF are accepted');
  });

  it('refuses an empty file', async () => {
    const res = await liaison.request('POST', `/api/agreements/${agreementId}/document`, uploadForm(Buffer.alloc(0), 'empty.pdf'));
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('"empty.pdf" is empty');
  });

  it('refuses a file over 20 MB', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024, 32)]);
    const res = await liaison.request('POST', `/api/agreements/${agreementId}/document`, uploadForm(big, 'huge.pdf'));
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/larger than the 20 MB limit/);
  });

  it('stores a real PDF encrypted and serves it back to staff only', async () => {
    const pdf = await makePdf('Signed on paper');
    const up = await liaison.request('POST', `/api/agreements/${agreementId}/document`, uploadForm(pdf, 'dsa.pdf'));
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ hasDocument: true, documentSize: pdf.length });
    const res = await fetch(`${app.baseUrl}/api/agreements/${agreementId}/document`, { headers: { cookie: liaison.sessionCookie! } });
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    const { client: partnerUser } = await signedIn(app, ['partner_user'], (await insertPartner(app.ctx, 'active')).id);
    expect((await partnerUser.get(`/api/agreements/${agreementId}/document`)).status).toBe(403);
    const { client: viewer } = await signedIn(app, ['viewer']);
    expect((await viewer.get(`/api/agreements/${agreementId}/document`)).status).toBe(403);
  });
});

describe('the daily agreement sweep', () => {
  it('warns the liaison once about an agreement expiring within 30 days, however often it runs', async () => {
    const p = await insertPartner(app.ctx, 'agreement_pending', { liaisonId });
    await primaryContact(liaison, p.id);
    const agreement = await signedAgreement(liaison, p.id, -300, 20);
    await liaison.post(`/api/partners/${p.id}/actions/activate`, {});
    const today = isoDay(0);
    await sweepAgreements(app.ctx.db, today);
    await sweepAgreements(app.ctx.db, today);
    const mine = await app.ctx.db.select().from(notifications).where(and(eq(notifications.userId, liaisonId), eq(notifications.entityId, p.id)));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'agreement_expiring', dedupeKey: `agreement-expiry-30:${agreement.id}` });
    expect(mine[0].title).toMatch(/expires in 20 days/);
    const unread = await liaison.get('/api/notifications/unread-count');
    expect(unread.body.unread).toBeGreaterThanOrEqual(1);
  });

  it('suspends a partner whose agreement expired, once, as the system', async () => {
    const inForce = await insertPartner(app.ctx, 'active');
    const p = await insertPartner(app.ctx, 'agreement_pending', { liaisonId });
    await primaryContact(liaison, p.id);
    const agreement = await signedAgreement(liaison, p.id, -300, 3);
    await liaison.post(`/api/partners/${p.id}/actions/activate`, {});
    const later = isoDay(5);
    const first = await sweepAgreements(app.ctx.db, later);
    const second = await sweepAgreements(app.ctx.db, later);
    expect(first.partnersSuspended).toBeGreaterThanOrEqual(1);
    expect(second.partnersSuspended).toBe(0);
    const [row] = await app.ctx.db.select().from(partners).where(eq(partners.id, p.id));
    expect(row.status).toBe('suspended');
    // What other test files' active partners rely on: one with a signed agreement in force stays active.
    expect((await app.ctx.db.select().from(partners).where(eq(partners.id, inForce.id)))[0].status).toBe('active');
    const events = await app.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'partner.suspend'));
    const mine = events.filter((e) => e.entityId === p.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ actorId: null, actorName: 'system', reason: 'No data-sharing agreement in force: the agreement expired' });
    const expired = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, agreement.id), eq(auditEvents.action, 'agreement.expire')));
    expect(expired).toHaveLength(1);
    const notes = await app.ctx.db.select().from(notifications).where(and(eq(notifications.userId, liaisonId), eq(notifications.kind, 'partner_suspended'), eq(notifications.entityId, p.id)));
    expect(notes).toHaveLength(1);
  });

  it('runs as a scheduled job through the workers', async () => {
    await app.startWorkers();
    const jobId = await app.ctx.jobs.enqueue('partners.agreement-sweep', {}, { jobId: `sweep-${Date.now()}` });
    const { waitFor } = await import('../support/harness');
    const { jobRuns } = await import('../../db/schema');
    const done = await waitFor(async () => {
      const [r] = await app.ctx.db.select().from(jobRuns).where(eq(jobRuns.jobId, jobId));
      return r?.status === 'completed' ? r : null;
    }, 20_000, 'the sweep');
    expect(done.result).toMatchObject({ asOf: isoDay(0) });
  });
});

describe('partner lists', () => {
  it('filters by state, country and freshness, and counts states for the tabs', async () => {
    const stale = await insertPartner(app.ctx, 'active', { countries: ['MD'], cadence: 'monthly', activatedAt: new Date(Date.now() - 70 * 86_400_000) });
    const res = await liaison.get(`/api/partners?filter=${encodeURIComponent(JSON.stringify({ status: 'active', country: 'md', freshness: 'delinquent' }))}`);
    expect(res.body.map((p: { id: string }) => p.id)).toContain(stale.id);
    expect(res.body.every((p: { freshness: string }) => p.freshness === 'delinquent')).toBe(true);
    const counts = await liaison.get('/api/partners/state-counts');
    expect(counts.body.active).toBeGreaterThanOrEqual(1);
  });

  it('validates a new partner with readable messages', async () => {
    const res = await liaison.post('/api/partners', { name: 'X', shortCode: '!', type: 'club', countries: ['XX'], dataSource: 'Hotline', cadence: 'weekly' });
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(res.body.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(byPath['countries.0']).toBe('"XX" is not an ISO 3166-1 alpha-2 country code');
    expect(Object.keys(byPath)).toEqual(expect.arrayContaining(['name', 'shortCode', 'type', 'cadence']));
  });
});
