import { parse } from 'csv-parse/sync';
import { and, count, eq, isNull } from 'drizzle-orm';
import { reports } from '../../db/schema';
import { SYSTEM_ACTOR } from '../../server/auth/actor';
import { getPartnerProfile } from '../../server/domain/synthetic';
import { createQuarterlyReports, previousQuarter } from '../../server/services/publication/contribution-reports';
import { ApiClient, signedIn, startTestApp, waitFor, type TestApp } from '../support/harness';
import { download, pdfText, publishedRelease, type ReleaseTeam } from '../support/releases';
import { generatedBytes } from '../support/submissions';

let app: TestApp;
let team: ReleaseTeam;
let release: { id: string; version: string };
let partnerIds: string[];
let ownUser: ApiClient;
let otherUser: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  await app.startWorkers();
  const fixture = await publishedRelease(app, ['Reports Partner A', 'Reports Partner B']);
  ({ team, release } = fixture);
  partnerIds = fixture.partners.map((p) => p.id);
  ownUser = (await signedIn(app, ['partner_user'], partnerIds[0])).client;
  otherUser = (await signedIn(app, ['partner_user'], partnerIds[1])).client;
}, 400_000);
afterAll(async () => {
  await team.manager.post(`/api/releases/${release.id}/actions/retract`, { reason: 'Test release' });
  await app.close();
});

const finished = (id: string) => waitFor(async () => {
  const [r] = await app.ctx.db.select().from(reports).where(eq(reports.id, id));
  return r.status === 'completed' || r.status === 'failed' ? r : null;
}, 30_000, `report ${id}`);

describe('a contribution report', () => {
  let reportId: string;
  let text: string;

  it('is requested by the partner\'s own user and built in the background', async () => {
    const res = await ownUser.post(`/api/partners/${partnerIds[0]}/reports`, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'contribution', partnerId: partnerIds[0], status: 'queued', partnerName: 'Reports Partner A' });
    reportId = res.body.id;
    const done = await finished(reportId);
    expect(done.failureReason).toBeNull();
    expect(done.status).toBe('completed');
    const pdf = await download(app.baseUrl, `/api/reports/${reportId}/download`, ownUser.sessionCookie);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-checksum-sha256')).toBe(done.sha256);
    text = pdfText(pdf.bytes);
  });

  it('says what was submitted, harmonized and published in each release, and the quality findings', () => {
    expect(text).toContain('Contribution report: Reports Partner A');
    expect(text).toMatch(/Submissions harmonized: 1/);
    expect(text).toMatch(/Records harmonized: 3,000/);
    expect(text).toMatch(new RegExp(`${release.version.replace('.', '\\.')}\\s.*published\\s+3,000\\s+[\\d,]+`));
    expect(text).toContain('Data quality');
    expect(text).toContain('Freshness: up to date');
  });

  it('never shows a value of the partner\'s identifier columns', async () => {
    const profile = getPartnerProfile('hotline');
    const source: string[][] = parse(await generatedBytes('hotline', 3000, 7), { bom: true, relax_column_count: true, from_line: profile.titleLines.length + 2 });
    const values = new Set<string>();
    for (const { column } of profile.identifiers) {
      const i = profile.columns.indexOf(column);
      source.forEach((r) => { if (r[i] && r[i].length >= 6) values.add(r[i]); });
    }
    expect(values.size).toBeGreaterThan(100);
    expect([...values].filter((v) => text.includes(v))).toEqual([]);
  });

  it('is hidden from another partner\'s user (404), who cannot request one either', async () => {
    expect((await otherUser.get(`/api/reports/${reportId}`)).status).toBe(404);
    expect((await download(app.baseUrl, `/api/reports/${reportId}/download`, otherUser.sessionCookie)).status).toBe(404);
    expect((await otherUser.post(`/api/partners/${partnerIds[0]}/reports`, {})).status).toBe(404);
    expect((await otherUser.get('/api/reports')).body.map((r: { id: string }) => r.id)).not.toContain(reportId);
    expect((await ownUser.get('/api/reports')).body.map((r: { id: string }) => r.id)).toContain(reportId);
  });

  it('is listed for staff, and refuses a download until it is complete', async () => {
    const viewer = (await signedIn(app, ['viewer'])).client;
    const list = await viewer.get(`/api/reports?filter=${encodeURIComponent(JSON.stringify({ partnerId: partnerIds[0] }))}`);
    expect(list.body.map((r: { id: string }) => r.id)).toContain(reportId);
    expect(list.headers.get('content-range')).toMatch(/^reports 0-\d+\/\d+$/);
    const [queued] = await app.ctx.db.insert(reports).values({ kind: 'contribution', partnerId: partnerIds[0], status: 'queued' }).returning();
    const early = await ownUser.get(`/api/reports/${queued.id}/download`);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/nothing to download yet/);
    const badPeriod = await ownUser.post(`/api/partners/${partnerIds[0]}/reports`, { periodStart: '2026-05-01', periodEnd: '2026-01-01' });
    expect(badPeriod.status).toBe(400);
  });
});

describe('the quarterly schedule', () => {
  it('queues one report per active partner for the last quarter, once', async () => {
    const now = new Date(Date.UTC(2031, 3, 1, 5));
    expect(previousQuarter(now)).toEqual({ start: '2031-01-01', end: '2031-03-31' });
    const meta = { requestId: 'test' };
    await createQuarterlyReports(app.ctx, SYSTEM_ACTOR, meta, now);
    const mine = () => app.ctx.db.select().from(reports).where(and(eq(reports.partnerId, partnerIds[1]), eq(reports.periodEnd, '2031-03-31')));
    const created = await mine();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ periodStart: '2031-01-01', requestedBy: null });
    // Run again: nothing new for a partner that has its report (other test files may have
    // activated partners meanwhile, which get theirs), so one report per partner and quarter.
    await createQuarterlyReports(app.ctx, SYSTEM_ACTOR, meta, now);
    expect(await mine()).toHaveLength(1);
    const perPartner = await app.ctx.db.select({ partnerId: reports.partnerId, n: count() }).from(reports)
      .where(and(eq(reports.periodEnd, '2031-03-31'), isNull(reports.requestedBy))).groupBy(reports.partnerId);
    expect(perPartner.filter((p) => p.n !== 1)).toEqual([]);
    expect((await finished(created[0].id)).status).toBe('completed');
  }, 60_000);
});
