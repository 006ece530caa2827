import { and, eq } from 'drizzle-orm';
import { auditEvents, jobRuns } from '../../db/schema';
import { signedIn, startTestApp, waitFor, type ApiClient, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';
import { generatedBytes, upload, waitForSubmission } from '../support/submissions';
import { drillWorkers, killHard } from '../support/worker-process';

/**
 * A job whose worker dies on every attempt (a file that runs it out of memory, say) is given up
 * after BullMQ's stall limit, and the submission says so instead of staying "profiling" forever;
 * the steward can retry it once the cause is fixed.
 */
let app: TestApp;
let steward: ApiClient;
let partnerId: string;
const workers = drillWorkers(() => app.ctx.cfg);

beforeAll(async () => {
  app = await startTestApp();
  partnerId = (await insertPartner(app.ctx, 'active')).id;
  steward = (await signedIn(app, ['data_steward'])).client;
});
afterAll(async () => {
  await workers.killAll();
  await app.close();
});

it('fails the submission with a readable reason once its worker has died three times, and a retry then succeeds', async () => {
  const uploaded = await upload(steward, partnerId, await generatedBytes('hotline', 60_000, 5), 'cases.csv');
  expect(uploaded.status).toBe(201);
  const submissionId = uploaded.body.id as string;
  const jobRun = () => app.ctx.db.select().from(jobRuns)
    .where(and(eq(jobRuns.entityId, submissionId), eq(jobRuns.name, 'submissions.profile'))).then((r) => r[0]);

  // Each time a worker has (re)started the job, kill it: the job's row is touched when it starts.
  let since = new Date(0);
  for (let kill = 1; kill <= 3; kill++) {
    const worker = workers.start();
    await waitFor(async () => {
      const r = await jobRun();
      return r?.status === 'active' && r.updatedAt > since ? r : null;
    }, 60_000, `the profiling job to be running (start ${kill})`);
    await killHard(worker);
    since = new Date();
  }
  workers.start();

  const failed = await waitForSubmission(app, submissionId, ['failed', 'profiled'], 60_000);
  expect(failed.status).toBe('failed');
  expect(failed.failureReason).toBe('Profile a partner file stopped: its worker died during each attempt (killed, or out of memory), so it was given up');
  const run = await waitFor(async () => { const r = await jobRun(); return r.status === 'failed' ? r : null; }, 20_000, 'the job row to say failed');
  expect(run.interruptions).toBeGreaterThanOrEqual(2);
  expect(run.error).toBe(failed.failureReason);
  const fails = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, submissionId), eq(auditEvents.action, 'submission.fail')));
  expect(fails).toHaveLength(1);
  expect(fails[0]).toMatchObject({ actorName: 'system', reason: failed.failureReason });

  const retried = await steward.post(`/api/submissions/${submissionId}/actions/retry`, {});
  expect(retried.status).toBe(200);
  const profiled = await waitForSubmission(app, submissionId, ['profiled', 'failed'], 120_000);
  expect(profiled).toMatchObject({ status: 'profiled', failureReason: null });
  expect(profiled.profile!.rowCount).toBe(60_000);
}, 300_000);
