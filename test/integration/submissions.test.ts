import { parse } from 'csv-parse/sync';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents, standardRecords } from '../../db/schema';
import { getPartnerProfile } from '../../server/domain/synthetic';
import { ApiClient, signedIn, startTestApp, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';
import { generatedBytes, upload, waitForSubmission } from '../support/submissions';

let app: TestApp;
let steward: ApiClient;
let reviewer: ApiClient;
let partnerUser: ApiClient;
let outsider: ApiClient;
let partnerId: string;

beforeAll(async () => {
  app = await startTestApp();
  await app.startWorkers();
  partnerId = (await insertPartner(app.ctx, 'active')).id;
  steward = (await signedIn(app, ['data_steward'])).client;
  reviewer = (await signedIn(app, ['data_steward'])).client;
  partnerUser = (await signedIn(app, ['partner_user'], partnerId)).client;
  outsider = (await signedIn(app, ['partner_user'], (await insertPartner(app.ctx, 'active')).id)).client;
}, 30_000);
afterAll(async () => { await app.close(); });

describe('from upload to harmonized records', () => {
  const ROWS = 3000;
  let submissionId: string;
  let fileBytes: Buffer;

  it('a partner user uploads its own hotline export, which is profiled in the background', async () => {
    fileBytes = await generatedBytes('hotline', ROWS);
    const res = await upload(partnerUser, partnerId, fileBytes, 'hotline-export.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'received', partnerId, size: fileBytes.length, duplicateOf: null });
    submissionId = res.body.id;
    const profiled = await waitForSubmission(app, submissionId, ['profiled', 'failed']);
    expect(profiled.failureReason).toBeNull();
    expect(profiled.profile!.rowCount).toBe(ROWS);
    const identifiers = getPartnerProfile('hotline').identifiers.map((i) => i.column);
    for (const column of identifiers) {
      const c = profiled.profile!.columns.find((x) => x.name === column)!;
      expect({ column, flagged: c.identifier !== null, values: c.values }).toEqual({ column, flagged: true, values: null });
    }
  }, 60_000);

  it('flags the same file sent again as a duplicate', async () => {
    const res = await upload(partnerUser, partnerId, fileBytes, 'hotline-export-again.csv');
    expect(res.body.duplicateOf).toBe(submissionId);
  });

  it('a steward drafts a mapping from suggestions; a second steward approves it (not the author)', async () => {
    const draft = await steward.post(`/api/partners/${partnerId}/mapping-versions`, { basedOnSubmissionId: submissionId, start: 'suggestions' });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ version: 1, status: 'draft' });
    const detail = await steward.get(`/api/mapping-versions/${draft.body.id}`);
    expect(detail.body.problems).toEqual([]);
    const coverage = await steward.get(`/api/mapping-versions/${draft.body.id}/coverage`);
    expect(coverage.body.variables.mapped).toBeGreaterThan(20);
    expect(coverage.body.records.share).toBeGreaterThan(0.8);

    expect((await steward.post(`/api/mapping-versions/${draft.body.id}/actions/submit`, {})).body.status).toBe('in_review');
    const self = await steward.post(`/api/mapping-versions/${draft.body.id}/actions/approve`, {});
    expect(self.status).toBe(422);
    expect(self.body.message).toMatch(/Four-eyes rule/);
    const approved = await reviewer.post(`/api/mapping-versions/${draft.body.id}/actions/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const edit = await steward.put(`/api/mapping-versions/${draft.body.id}`, { spec: draft.body.spec });
    expect(edit.status).toBe(409);
  });

  it('harmonizes into standard records with no identifier anywhere in them', async () => {
    const started = await reviewer.post(`/api/submissions/${submissionId}/actions/harmonize`, {});
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('harmonizing');
    const done = await waitForSubmission(app, submissionId, ['harmonized', 'failed']);
    expect(done.failureReason).toBeNull();
    expect(done.recordCount).toBe(ROWS);
    const [{ n }] = await app.ctx.db.select({ n: count() }).from(standardRecords).where(eq(standardRecords.submissionId, submissionId));
    expect(n).toBe(ROWS);

    const profile = getPartnerProfile('hotline');
    const rows: string[][] = parse(fileBytes, { bom: true, relax_column_count: true, from_line: profile.titleLines.length + 2 });
    const identifierValues = new Set<string>();
    for (const { column } of profile.identifiers) {
      const i = profile.columns.indexOf(column);
      for (const r of rows) if (r[i] && r[i].length >= 5) identifierValues.add(r[i]);
    }
    expect(identifierValues.size).toBeGreaterThan(100);
    const records = await app.ctx.db.select().from(standardRecords).where(eq(standardRecords.submissionId, submissionId));
    const leaked = records.flatMap((r) => Object.values(r).filter((v) => typeof v === 'string' && identifierValues.has(v)));
    expect(leaked).toEqual([]);
    expect(records.every((r) => { const ds = (r as Record<string, unknown>).Datasource; return ds === null || ['Hotline', 'Case Management'].includes(ds as string); })).toBe(true);
  }, 60_000);

  it('harmonizing again replaces the records instead of duplicating them', async () => {
    await reviewer.post(`/api/submissions/${submissionId}/actions/harmonize`, {});
    await waitForSubmission(app, submissionId, ['harmonized'], 60_000);
    const again = await waitForSubmission(app, submissionId, ['harmonized']);
    expect(again.recordCount).toBe(ROWS);
    const [{ n }] = await app.ctx.db.select({ n: count() }).from(standardRecords).where(eq(standardRecords.submissionId, submissionId));
    expect(n).toBe(ROWS);
    const events = await app.ctx.db.select().from(auditEvents)
      .where(and(eq(auditEvents.entityId, submissionId), eq(auditEvents.action, 'submission.finish_harmonization')));
    expect(events.length).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('keeps partners apart: another partner user gets 404, and records are staff-only', async () => {
    expect((await outsider.get(`/api/submissions/${submissionId}`)).status).toBe(404);
    expect((await outsider.get('/api/submissions')).body.map((s: { id: string }) => s.id)).not.toContain(submissionId);
    expect((await outsider.request('POST', `/api/partners/${partnerId}/submissions`, new FormData())).status).toBe(404);
    expect((await partnerUser.get(`/api/submissions/${submissionId}`)).body.status).toBe('harmonized');
    expect((await partnerUser.get(`/api/submissions/${submissionId}/records`)).status).toBe(403);
    const records = await steward.get(`/api/submissions/${submissionId}/records?limit=5`);
    expect(records.body.rows).toHaveLength(5);
    expect(records.headers.get('x-total-count')).toBe(String(ROWS));
  });
});

describe('refusals', () => {
  it('refuses uploads for a suspended partner', async () => {
    const suspended = await insertPartner(app.ctx, 'suspended');
    const res = await upload(steward, suspended.id, Buffer.from('a,b\n1,2\n'), 'x.csv');
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/only an active partner can submit data/);
  });

  it('refuses an empty file and a file that is not CSV, TSV or XLSX', async () => {
    expect((await upload(steward, partnerId, Buffer.alloc(0), 'empty.csv')).body.message).toBe('"empty.csv" is empty: there is nothing to import');
    expect((await upload(steward, partnerId, Buffer.from('MZ'), 'tool.exe')).status).toBe(415);
  });

  it('fails a header-only file with a readable reason, without retrying', async () => {
    const res = await upload(steward, partnerId, Buffer.from('name,age,country\n'), 'header-only.csv');
    const failed = await waitForSubmission(app, res.body.id, ['failed', 'profiled']);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(/header|no data/i);
  }, 30_000);
});
