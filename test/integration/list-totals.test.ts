import { submissions } from '../../db/schema';
import { signedIn, startTestApp, type ApiClient, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';

let app: TestApp;
let steward: ApiClient;
let partnerId: string;
let partnerUser: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  partnerId = (await insertPartner(app.ctx, 'active')).id;
  const other = (await insertPartner(app.ctx, 'active')).id;
  const row = (p: string, i: number, status: 'harmonized' | 'failed') => ({
    partnerId: p, status, originalName: `delivery-${String(i).padStart(2, '0')}.csv`, size: 100 + i, sha256: `${p}${i}`.padEnd(64, '0'), receivedAt: new Date(Date.UTC(2026, 0, 1 + i)),
  });
  await app.ctx.db.insert(submissions).values([
    ...Array.from({ length: 7 }, (_, i) => row(partnerId, i, i < 5 ? 'harmonized' : 'failed')),
    ...Array.from({ length: 3 }, (_, i) => row(other, i, 'harmonized')),
  ]);
  steward = (await signedIn(app, ['data_steward'])).client;
  partnerUser = (await signedIn(app, ['partner_user'], partnerId)).client;
});
afterAll(async () => { await app.close(); });

const filter = (f: object) => encodeURIComponent(JSON.stringify(f));

describe('list pages and their totals', () => {
  it('pages a partner\'s submissions newest first, with the total of the filter in Content-Range', async () => {
    const first = await steward.get(`/api/submissions?range=[0,2]&filter=${filter({ partnerId })}`);
    expect(first.body.map((s: { originalName: string }) => s.originalName)).toEqual(['delivery-06.csv', 'delivery-05.csv', 'delivery-04.csv']);
    expect(first.headers.get('content-range')).toBe('submissions 0-2/7');
    const failed = await steward.get(`/api/submissions?range=[0,24]&filter=${filter({ partnerId, status: 'failed' })}`);
    expect(failed.body).toHaveLength(2);
    expect(failed.headers.get('content-range')).toBe('submissions 0-1/2');
  });

  it('gives the total on a page past the end too, where no row carries it', async () => {
    const past = await steward.get(`/api/submissions?range=[50,74]&filter=${filter({ partnerId })}`);
    expect(past.status).toBe(200);
    expect(past.body).toEqual([]);
    expect(past.headers.get('content-range')).toBe('submissions 50-50/7');
  });

  it('sorts on request, and keeps a partner user to its own partner whatever the filter says', async () => {
    const sorted = await partnerUser.get('/api/submissions?sort=["originalName","ASC"]&range=[0,1]');
    expect(sorted.body.map((s: { originalName: string; partnerId: string }) => [s.originalName, s.partnerId])).toEqual([['delivery-00.csv', partnerId], ['delivery-01.csv', partnerId]]);
    expect(sorted.headers.get('content-range')).toBe('submissions 0-1/7');
    const stranger = await partnerUser.get(`/api/submissions?filter=${filter({ partnerId: '00000000-0000-4000-8000-000000000000' })}`);
    expect(stranger.body).toEqual([]);
    expect(stranger.headers.get('content-range')).toBe('submissions 0-0/0');
  });

  it('counts one entity\'s audit events on every page, the empty one past the end included', async () => {
    const { client, user } = await signedIn(app, ['privacy_officer']);
    for (let i = 0; i < 2; i++) await client.login(user.email);
    const entity = filter({ entityType: 'user', entityId: user.id });
    const page = await client.get(`/api/audit-events?range=[0,1]&filter=${entity}`);
    expect(page.body.map((e: { action: string }) => e.action)).toEqual(['user.signed_in', 'user.signed_in']);
    expect(page.headers.get('content-range')).toBe('audit-events 0-1/3');
    const past = await client.get(`/api/audit-events?range=[10,19]&filter=${entity}`);
    expect(past.body).toEqual([]);
    expect(past.headers.get('content-range')).toBe('audit-events 10-10/3');
    const actor = await client.get(`/api/audit-events?range=[0,0]&filter=${filter({ actorId: user.id, action: 'USER.SIGNED' })}`);
    expect(actor.headers.get('content-range')).toBe('audit-events 0-0/3');
  });
});
