import { and, eq } from 'drizzle-orm';
import { auditEvents, mappingVersions } from '../../db/schema';
import { ApiClient, signedIn, startTestApp, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';
import { generatedBytes, upload, waitForSubmission } from '../support/submissions';

/** Conflicting actions at the same moment: exactly one winner, a 409 for the other, one audit event. */
let app: TestApp;
let author: ApiClient;
let reviewerA: ApiClient;
let reviewerB: ApiClient;
let partnerId: string;
let submissionId: string;

beforeAll(async () => {
  app = await startTestApp();
  await app.startWorkers();
  partnerId = (await insertPartner(app.ctx, 'active')).id;
  author = (await signedIn(app, ['data_steward'])).client;
  reviewerA = (await signedIn(app, ['data_steward'])).client;
  reviewerB = (await signedIn(app, ['data_steward'])).client;
  submissionId = (await upload(author, partnerId, await generatedBytes('htcds', 500, 3), 'cases.csv')).body.id;
  await waitForSubmission(app, submissionId, ['profiled']);
});
afterAll(async () => { await app.close(); });

async function versionInReview() {
  const draft = await author.post(`/api/partners/${partnerId}/mapping-versions`, { basedOnSubmissionId: submissionId, start: 'suggestions' });
  await author.post(`/api/mapping-versions/${draft.body.id}/actions/submit`, {});
  return draft.body.id as string;
}

it('two stewards approving the same mapping version at once: one wins, one gets 409', async () => {
  const id = await versionInReview();
  const results = await Promise.all([
    reviewerA.post(`/api/mapping-versions/${id}/actions/approve`, {}),
    reviewerB.post(`/api/mapping-versions/${id}/actions/approve`, {}),
  ]);
  expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  const events = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'mapping_version.approve')));
  expect(events).toHaveLength(1);
});

it('approve against request-changes at once: one decision stands', async () => {
  const id = await versionInReview();
  const results = await Promise.all([
    reviewerA.post(`/api/mapping-versions/${id}/actions/approve`, {}),
    reviewerB.post(`/api/mapping-versions/${id}/actions/request_changes`, { reason: 'The gender codes look swapped' }),
  ]);
  expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  const [row] = await app.ctx.db.select().from(mappingVersions).where(eq(mappingVersions.id, id));
  expect(['approved', 'changes_requested']).toContain(row.status);
});

it('approving a new version supersedes the previous approved one, leaving exactly one approved', async () => {
  const approved = await app.ctx.db.select().from(mappingVersions).where(and(eq(mappingVersions.partnerId, partnerId), eq(mappingVersions.status, 'approved')));
  expect(approved).toHaveLength(1);
  const next = await versionInReview();
  expect((await reviewerA.post(`/api/mapping-versions/${next}/actions/approve`, {})).status).toBe(200);
  const after = await app.ctx.db.select().from(mappingVersions).where(eq(mappingVersions.partnerId, partnerId));
  expect(after.filter((v) => v.status === 'approved').map((v) => v.id)).toEqual([next]);
  expect(after.find((v) => v.id === approved[0].id)!.status).toBe('superseded');
  const diff = await reviewerA.get(`/api/mapping-versions/${next}/diff`);
  expect(diff.body.against).toMatchObject({ id: approved[0].id });
});
