import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, jobRuns } from '../../db/schema';
import { ApiClient, signedIn, startTestApp, waitFor, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';
import { generatedBytes, upload, waitForSubmission } from '../support/submissions';
import { drillWorkers, killHard } from '../support/worker-process';

/**
 * A worker killed with SIGKILL in the middle of a harmonization loses nothing: another worker
 * takes the job over and the records come out exactly as an uninterrupted run makes them, once.
 */
const ROWS = 120_000;
let app: TestApp;
let steward: ApiClient;
let reviewer: ApiClient;
let partnerId: string;
const workers = drillWorkers(() => app.ctx.cfg);

beforeAll(async () => {
  app = await startTestApp();
  partnerId = (await insertPartner(app.ctx, 'active')).id;
  steward = (await signedIn(app, ['data_steward'])).client;
  reviewer = (await signedIn(app, ['data_steward'])).client;
  workers.start();
});
afterAll(async () => {
  await workers.killAll();
  await app.close();
});

/** The records' content in file order, without ids: equal checksums mean identical records. */
async function recordsChecksum(submissionId: string): Promise<{ n: number; md5: string }> {
  const { rows } = await app.ctx.db.execute<{ n: string; md5: string }>(sql`
    SELECT count(*) AS n, md5(string_agg((to_jsonb(r) - 'id' - 'submission_id')::text, '|' ORDER BY r.id)) AS md5
    FROM standard_records r WHERE r.submission_id = ${submissionId}`);
  return { n: Number(rows[0].n), md5: rows[0].md5 };
}

it('harmonization survives kill -9 of its worker', async () => {
  const bytes = await generatedBytes('hotline', ROWS, 11);
  const reference = (await upload(steward, partnerId, bytes, 'reference.csv')).body.id as string;
  const drilled = (await upload(steward, partnerId, bytes, 'drilled.csv')).body.id as string;
  await waitForSubmission(app, reference, ['profiled'], 120_000);
  await waitForSubmission(app, drilled, ['profiled'], 120_000);

  const draft = await steward.post(`/api/partners/${partnerId}/mapping-versions`, { basedOnSubmissionId: reference, start: 'suggestions' });
  await steward.post(`/api/mapping-versions/${draft.body.id}/actions/submit`, {});
  expect((await reviewer.post(`/api/mapping-versions/${draft.body.id}/actions/approve`, {})).status).toBe(200);

  await reviewer.post(`/api/submissions/${reference}/actions/harmonize`, {});
  await waitForSubmission(app, reference, ['harmonized'], 180_000);
  const expected = await recordsChecksum(reference);
  expect(expected.n).toBe(ROWS);

  await reviewer.post(`/api/submissions/${drilled}/actions/harmonize`, {});
  const running = await waitFor(async () => {
    const [r] = await app.ctx.db.select().from(jobRuns).where(and(eq(jobRuns.entityId, drilled), eq(jobRuns.name, 'submissions.harmonize')));
    return r && r.status === 'active' && r.progress >= 15 ? r : null;
  }, 120_000, 'the harmonization to be under way');
  await killHard(workers.nth(0));
  workers.start();

  const done = await waitForSubmission(app, drilled, ['harmonized', 'failed'], 240_000);
  expect(done.status).toBe('harmonized');
  expect(done.recordCount).toBe(ROWS);
  expect(await recordsChecksum(drilled)).toEqual(expected);

  const [run] = await app.ctx.db.select().from(jobRuns).where(eq(jobRuns.jobId, running.jobId));
  expect(run.status).toBe('completed');
  expect(run.interruptions).toBeGreaterThanOrEqual(1);
  const finished = await app.ctx.db.select().from(auditEvents)
    .where(and(eq(auditEvents.entityId, drilled), eq(auditEvents.action, 'submission.finish_harmonization')));
  expect(finished).toHaveLength(1);
}, 600_000);
