import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditEvents, jobRuns, submissions } from '../../db/schema';
import { signedIn, startTestApp, waitFor, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await app.startWorkers();
});
afterAll(async () => { await app.close(); });

const run = (jobId: string) => app.ctx.db.select().from(jobRuns).where(eq(jobRuns.jobId, jobId)).then((r) => r[0]);

describe('background jobs', () => {
  it('retries a failing job, records why each attempt failed, and completes', async () => {
    const { client } = await signedIn(app, ['admin']);
    const started = await client.post('/api/job-runs/self-test', { failTimes: 2 });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', name: 'jobs.self-test', maxAttempts: 3 });

    const retrying = await waitFor(async () => {
      const r = await run(started.body.jobId);
      return r.status === 'retrying' ? r : null;
    }, 15_000, 'a retry');
    expect(retrying.error).toMatch(/Attempt \d failed: Self-test failure \d of 2 \(as requested\); retrying/);

    const done = await waitFor(async () => {
      const r = await run(started.body.jobId);
      return r.status === 'completed' ? r : null;
    }, 15_000, 'completion');
    expect(done).toMatchObject({ attempts: 3, progress: 100, error: null, result: { attempts: 3 } });

    const listed = await client.get(`/api/job-runs/${done.id}`);
    expect(listed.body.title).toBe('Job system self-test');
  });

  it('marks a job failed with its reason once its attempts are spent', async () => {
    const jobId = await app.ctx.jobs.enqueue('jobs.self-test', { failTimes: 5, runId: randomUUID() }, { jobId: `fail-${randomUUID()}` });
    const failed = await waitFor(async () => {
      const r = await run(jobId);
      return r.status === 'failed' ? r : null;
    }, 20_000, 'failure');
    expect(failed.attempts).toBe(3);
    expect(failed.error).toBe('Self-test failure 3 of 5 (as requested)');
  });

  it('fails the submission of a harmonization job it gives up, instead of leaving it harmonizing', async () => {
    const partner = await insertPartner(app.ctx, 'active');
    const [sub] = await app.ctx.db.insert(submissions).values({
      partnerId: partner.id, status: 'harmonizing', originalName: 'cases.csv', size: 10, sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
    }).returning();
    // The mapping version vanished: the handler refuses the job, which is not retried.
    await app.ctx.jobs.enqueue('submissions.harmonize', { submissionId: sub.id, mappingVersionId: randomUUID() }, { jobId: `harmonize-${sub.id}` });
    const failed = await waitFor(async () => {
      const [s] = await app.ctx.db.select().from(submissions).where(eq(submissions.id, sub.id));
      return s.status === 'failed' ? s : null;
    }, 20_000, 'the submission to fail');
    expect(failed.failureReason).toBe('Harmonize a submission stopped after 1 attempt: Mapping version not found');
    expect(failed.failureDetails).toEqual({ code: 'job_given_up', jobId: `harmonize-${sub.id}` });
    const events = await app.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, sub.id));
    expect(events.map((e) => [e.action, e.actorName, e.toState])).toEqual([['submission.fail', 'system', 'failed']]);
    expect((await run(`harmonize-${sub.id}`)).status).toBe('failed');
  });

  it('refuses a payload that does not match the job definition', async () => {
    await expect(
      app.ctx.jobs.enqueue('jobs.self-test', { failTimes: 1, runId: 'not-a-uuid' }, { jobId: `bad-${randomUUID()}` }),
    ).rejects.toThrow();
  });

  it('dedupes a job enqueued twice under the same id', async () => {
    const jobId = `dup-${randomUUID()}`;
    const payload = { failTimes: 0, runId: randomUUID() };
    await app.ctx.jobs.enqueue('jobs.self-test', payload, { jobId });
    await app.ctx.jobs.enqueue('jobs.self-test', payload, { jobId });
    await waitFor(async () => (await run(jobId)).status === 'completed', 15_000, 'completion');
    const counts = await app.ctx.jobs.queues.maintenance.getJobCounts('completed');
    const rows = await app.ctx.db.select().from(jobRuns).where(eq(jobRuns.jobId, jobId));
    expect(rows).toHaveLength(1);
    expect(rows[0].attempts).toBe(1);
    expect(counts.completed).toBeGreaterThan(0);
  });
});
