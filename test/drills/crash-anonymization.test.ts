import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { anonymizationRuns, auditEvents, jobRuns } from '../../db/schema';
import { verifyAuditChain } from '../../server/audit/verify-audit-chain';
import { generatedSubmission } from '../support/generated-records';
import { ApiClient, signedIn, startTestApp, waitFor, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';
import { composeRelease } from '../support/releases';
import { drillWorkers, killHard } from '../support/worker-process';

/**
 * A worker killed with SIGKILL while it writes a release's anonymized output loses nothing: another
 * worker takes the run over and it completes once, with the output and figures an uninterrupted
 * run of the same records and policy gives, and the killed attempt's unfinished file is removed.
 * Nobody can approve the run while its job still runs.
 */
const RECORDS = [250_000, 150_000];
let app: TestApp;
let manager: ApiClient;
let privacy: ApiClient;
let policyId: string;
let submissionIds: string[];
const workers = drillWorkers(() => app.ctx.cfg);

beforeAll(async () => {
  app = await startTestApp();
  manager = (await signedIn(app, ['release_manager'])).client;
  privacy = (await signedIn(app, ['privacy_officer'])).client;
  const subs = [];
  for (const [i, n] of RECORDS.entries()) subs.push(await generatedSubmission(app.ctx, (await insertPartner(app.ctx, 'active')).id, n, 31 + i));
  submissionIds = subs.map((s) => s.id);
  policyId = (await privacy.get('/api/policies/default')).body.id;
  workers.start();
}, 120_000);
afterAll(async () => {
  await workers.killAll();
  await app.close();
});

const runOf = async (releaseId: string) => (await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.releaseId, releaseId)))[0];
const jobOf = async (runId: string) => (await app.ctx.db.select().from(jobRuns).where(eq(jobRuns.jobId, `anonymize-${runId}`)))[0];

/** A release of the generated submissions, composed and sent to anonymization by the release manager. */
async function startedRelease(label: string): Promise<{ releaseId: string; runId: string }> {
  const composed = await composeRelease(manager, { title: `Crash drill ${label}`, submissionIds });
  expect(composed.status).toBe(201);
  const started = await manager.post(`/api/releases/${composed.body.id}/actions/start_anonymization`, { policyId });
  expect(started.status).toBe(200);
  return { releaseId: composed.body.id, runId: (await runOf(composed.body.id)).id };
}

const finished = (releaseId: string, timeoutMs: number) => waitFor(async () => {
  const run = await runOf(releaseId);
  return ['completed', 'failed'].includes(run.status) ? run : null;
}, timeoutMs, 'the anonymization run to end');

/** The figures a privacy officer judges, without the timings (which differ from run to run). */
function judged(measures: unknown) {
  const { timing, ...rest } = measures as Record<string, unknown>;
  return rest;
}

it('anonymization survives kill -9 of its worker mid-output, and cannot be approved while it runs', async () => {
  const t0 = Date.now();
  const reference = await startedRelease('reference');
  const expected = await finished(reference.releaseId, 240_000);
  const referenceSeconds = (Date.now() - t0) / 1000;
  expect(expected.failureReason).toBeNull();
  expect(expected.status).toBe('completed');
  const measures = expected.measures as any;
  expect(measures.records.in).toBe(RECORDS[0] + RECORDS[1]);
  expect(measures.records.suppressed).toBeGreaterThan(0);
  expect(expected.outputRows).toBe(measures.records.kept);

  const drilled = await startedRelease('drilled');
  const notDone = async () => {
    const job = await jobOf(drilled.runId);
    if (job?.status === 'completed' || job?.status === 'failed') throw new Error(`the run ended (${job.status}) before the drill could interrupt it: use more records`);
    return job;
  };
  await waitFor(async () => (await notDone()) && (await runOf(drilled.releaseId)).status === 'running', 240_000, 'the run to be running');
  // A privacy officer who opens the run now cannot approve it: its job still runs (and still did after the answer).
  const early = await privacy.post(`/api/anonymization-runs/${drilled.runId}/actions/approve`, {});
  expect(early.status).toBe(409);
  expect(early.body.message).toBe('Anonymization run is running: "approve" needs it to be completed');
  expect((await runOf(drilled.releaseId)).status).toBe('running');

  const writing = await waitFor(async () => {
    const job = await notDone();
    return job?.step?.startsWith('Writing the output') ? job : null;
  }, 240_000, 'the run to be writing its output');
  expect(writing.status).toBe('active');

  await killHard(workers.nth(0));
  const killedAt = Date.now();
  // The killed attempt leaves its unfinished (encrypted) output in the run's folder.
  const runFolder = path.join(app.ctx.cfg.dataDir, 'blobs', 'anonymization', drilled.runId);
  const leftByKill = fs.readdirSync(runFolder);
  expect(leftByKill.filter((f) => f.endsWith('.enc.partial'))).toHaveLength(1);
  // Killed mid-run, the run stays running (nothing recorded) and still cannot be decided.
  expect(await runOf(drilled.releaseId)).toMatchObject({ status: 'running', outputKey: null, outputSha256: null });
  expect((await privacy.post(`/api/anonymization-runs/${drilled.runId}/actions/reject`, { reason: 'Too slow' })).status).toBe(409);
  workers.start();

  const done = await finished(drilled.releaseId, 240_000);
  const resumeSeconds = (Date.now() - killedAt) / 1000;
  expect(done.failureReason).toBeNull();
  expect(done.status).toBe('completed');
  expect(done.outputRows).toBe(expected.outputRows);
  expect(done.outputSha256).toBe(expected.outputSha256);
  expect(await app.ctx.blobs.sha256(done.outputKey!)).toBe(expected.outputSha256);
  expect(judged(done.measures)).toEqual(judged(expected.measures));
  expect(done.differencing).toEqual(expected.differencing);
  // The killed attempt recorded nothing, and what it left is gone: the run's folder holds exactly the files it records.
  const recordedFiles = (run: typeof done) => [run.outputKey!, run.classCountsKey!].map((k) => `${path.basename(k)}.enc`).sort();
  expect(fs.readdirSync(runFolder).sort()).toEqual(recordedFiles(done));
  expect(fs.readdirSync(path.join(app.ctx.cfg.dataDir, 'blobs', 'anonymization', reference.runId)).sort()).toEqual(recordedFiles(expected));

  const job = await jobOf(drilled.runId);
  expect(job).toMatchObject({ status: 'completed', progress: 100, error: null });
  expect(job.interruptions).toBeGreaterThanOrEqual(1);
  expect(job.result).toMatchObject({ records: measures.records.in, kept: measures.records.kept, outputRows: expected.outputRows });

  // Each transition of the run and of its release recorded once, and the chain still verifies.
  const events = await app.ctx.db.select({ action: auditEvents.action }).from(auditEvents)
    .where(inArray(auditEvents.entityId, [drilled.runId, drilled.releaseId]));
  expect(events.map((e) => e.action).sort()).toEqual(['anonymization_run.complete', 'anonymization_run.start', 'release.composed', 'release.start_anonymization']);
  expect((await verifyAuditChain(app.ctx.db)).firstBrokenLink).toBeNull();

  // Now it can be decided, once.
  const approved = await privacy.post(`/api/anonymization-runs/${drilled.runId}/actions/approve`, {});
  expect(approved.status).toBe(200);
  const decisions = await app.ctx.db.select().from(auditEvents)
    .where(and(eq(auditEvents.entityId, drilled.runId), eq(auditEvents.action, 'anonymization_run.approve')));
  expect(decisions).toHaveLength(1);
  console.log(`crash drill (anonymization): ${measures.records.in} records, ${measures.records.kept} kept; reference run ${referenceSeconds.toFixed(1)} s; kill to completion ${resumeSeconds.toFixed(1)} s; interruptions ${job.interruptions}; files left by the killed attempt ${leftByKill.length}, removed when the run completed`);
}, 600_000);
