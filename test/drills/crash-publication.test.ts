import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { anonymizationRuns, auditEvents, jobRuns, releaseArtifacts } from '../../db/schema';
import { verifyAuditChain } from '../../server/audit/verify-audit-chain';
import { CTDC_K_V7 } from '../../server/domain/standard';
import { writeVerifiedMicrodata } from '../../server/services/publication/build-microdata';
import { scratchRoot, withScratchDir } from '../../server/storage/scratch-dirs';
import { generatedSubmission } from '../support/generated-records';
import { startTestApp, waitFor, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';
import { approvedRelease, download, pdfPages, pdfText, publish, releaseRow, releaseTeam, sha256, type ReleaseTeam } from '../support/releases';
import { drillWorkers, killHard } from '../support/worker-process';

/**
 * Workers killed with SIGKILL in the middle of a publication (once while the microdata is checked
 * and shuffled, once while the statistical report is counted) lose nothing: the flow resumes on a
 * new worker and publishes once, with the artifacts an uninterrupted publication of the same run
 * output gives, every file matching its recorded checksum. The unencrypted scratch files of the
 * killed microdata build are removed when the build is retried, and nothing is left behind.
 */
const RECORDS = [180_000, 120_000];
const KINDS = ['microdata_csv', 'codebook_csv', 'codebook_pdf', 'report_pdf', 'manifest'] as const;
let app: TestApp;
let team: ReleaseTeam;
let submissionIds: string[];
const workers = drillWorkers(() => app.ctx.cfg);
const published: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  team = await releaseTeam(app);
  submissionIds = [];
  for (const [i, n] of RECORDS.entries()) submissionIds.push((await generatedSubmission(app.ctx, (await insertPartner(app.ctx, 'active')).id, n, 41 + i)).id);
  workers.start();
}, 120_000);
afterAll(async () => {
  // The database is shared by the run's test files: leave no published release for others' differencing checks.
  for (const id of published) await team.manager.post(`/api/releases/${id}/actions/retract`, { reason: 'Drill over' });
  await workers.killAll();
  await app.close();
});

async function files(version: string): Promise<Record<(typeof KINDS)[number], Buffer>> {
  const out: Partial<Record<(typeof KINDS)[number], Buffer>> = {};
  for (const kind of KINDS) {
    // Served only if the file still matches the SHA-256 recorded with it.
    const res = await download(app.baseUrl, `/api/public/releases/${version}/artifacts/${kind}`);
    expect({ kind, status: res.status }).toEqual({ kind, status: 200 });
    out[kind] = res.bytes;
  }
  return out as Record<(typeof KINDS)[number], Buffer>;
}

const flowJobs = (releaseId: string) => app.ctx.db.select().from(jobRuns).where(and(eq(jobRuns.entityType, 'release'), eq(jobRuns.entityId, releaseId)));

/** Waits for a job of the flow to be under way, failing at once if the flow ended before the drill could interrupt it. */
async function runningJob(releaseId: string, suffix: string, minProgress: number) {
  return waitFor(async () => {
    const row = await releaseRow(app, releaseId);
    if (row.status !== 'publishing') throw new Error(`the publication ended (${row.status}) before the drill could interrupt it: use more records`);
    const job = (await flowJobs(releaseId)).find((j) => j.jobId.endsWith(suffix));
    if (job && ['completed', 'failed'].includes(job.status)) throw new Error(`the ${suffix} job ended (${job.status}) before the drill could interrupt it`);
    return job?.status === 'active' && job.progress >= minProgress ? job : null;
  }, 240_000, `the ${suffix} job to be under way`);
}

/** What a reader copies out of a PDF, with one release's version and title put in place of another's. */
const pdfWords = (pdf: Buffer, from: { version: string; title: string }, to: { version: string; title: string }) =>
  pdfText(pdf).split(from.version).join(to.version).split(from.title).join(to.title).replace(/\s+/g, ' ');

const sortedLines = (csv: Buffer) => csv.toString('utf8').split('\n').slice(1, -1).sort();

/** The scratch folders of a release's microdata build under DATA_DIR/tmp, with the bytes each holds. */
function scratchFolders(releaseId: string): { name: string; bytes: number }[] {
  const root = scratchRoot(app.ctx.cfg.dataDir);
  return fs.readdirSync(root).filter((name) => name.startsWith(`publish-${releaseId}.`)).map((name) => ({
    name,
    bytes: fs.readdirSync(path.join(root, name)).reduce((n, f) => n + fs.statSync(path.join(root, name, f)).size, 0),
  }));
}

it('publication survives kill -9 of its worker twice, and publishes the artifacts an uninterrupted run gives', async () => {
  // Two releases of the same records under the same policy: their runs' outputs are identical.
  const reference = await approvedRelease(app, team, submissionIds, 'Crash drill');
  const drilled = await approvedRelease(app, team, submissionIds, 'Crash drill');
  const runs = await app.ctx.db.select().from(anonymizationRuns).where(inArray(anonymizationRuns.id, [reference.runId, drilled.runId]));
  const [refRun, run] = [reference.runId, drilled.runId].map((id) => runs.find((r) => r.id === id)!);
  expect(run.outputSha256).toBe(refRun.outputSha256);

  let t = Date.now();
  const ref = await publish(app, team.manager, reference.id, 240_000);
  expect(ref.status).toBe('published');
  published.push(reference.id);
  const referenceSeconds = (Date.now() - t) / 1000;
  const expected = await files(reference.version);

  t = Date.now();
  expect((await team.manager.post(`/api/releases/${drilled.id}/actions/publish`, {})).status).toBe(200);
  await runningJob(drilled.id, '-microdata_csv', 20);
  await killHard(workers.nth(0));
  // The killed build leaves the unencrypted rows it was sorting in its scratch folder.
  const leftByKill = scratchFolders(drilled.id);
  expect(leftByKill).toHaveLength(1);
  expect(leftByKill[0].bytes).toBeGreaterThan(0);
  workers.start();
  await runningJob(drilled.id, '-report_pdf', 5);
  // The microdata is recorded: its retried build removed the killed attempt's folder first, and its own when done.
  expect(scratchFolders(drilled.id)).toEqual([]);
  await killHard(workers.nth(1));
  workers.start();

  const done = await waitFor(async () => {
    const row = await releaseRow(app, drilled.id);
    return row.status === 'publishing' ? null : row;
  }, 240_000, 'the publication to end');
  const drilledSeconds = (Date.now() - t) / 1000;
  expect(done.status).toBe('published');
  published.push(drilled.id);
  const got = await files(drilled.version);

  // One file per kind, each as recorded.
  const recorded = await app.ctx.db.select().from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, drilled.id));
  expect(recorded.map((a) => a.kind).sort()).toEqual([...KINDS].sort());
  for (const a of recorded) expect({ kind: a.kind, sha256: sha256(got[a.kind]), size: got[a.kind].length }).toEqual({ kind: a.kind, sha256: a.sha256, size: a.size });
  // Nothing left behind: the release's blob folder holds exactly its recorded files, and no scratch folder of it remains.
  expect(fs.readdirSync(path.join(app.ctx.cfg.dataDir, 'blobs', 'releases', drilled.id)).sort()).toEqual(recorded.map((a) => `${path.basename(a.storageKey)}.enc`).sort());
  expect(scratchFolders(drilled.id)).toEqual([]);

  // The microdata: the reference's records, shuffled exactly as an uninterrupted build of this release shuffles them.
  expect(sortedLines(got.microdata_csv)).toEqual(sortedLines(expected.microdata_csv));
  expect(sortedLines(got.microdata_csv)).toHaveLength(run.outputRows!);
  await withScratchDir(scratchRoot(app.ctx.cfg.dataDir), `verify-${drilled.id}`, async (dir) => {
    const inputs = { release: done, run: { ...run, outputKey: run.outputKey!, outputRows: run.outputRows! }, policy: run.policySnapshot, standard: CTDC_K_V7, builtAt: run.decidedAt! };
    const file = await writeVerifiedMicrodata({ blobs: app.ctx.blobs, progress: async () => undefined }, inputs, dir);
    expect(sha256(got.microdata_csv)).toBe(sha256(fs.readFileSync(file)));
  });
  // The codebook counts the same records: the same bytes. The PDFs say the same, release names aside.
  expect(sha256(got.codebook_csv)).toBe(sha256(expected.codebook_csv));
  for (const kind of ['codebook_pdf', 'report_pdf'] as const) {
    expect({ kind, pages: pdfPages(got[kind]) }).toEqual({ kind, pages: pdfPages(expected[kind]) });
    expect(pdfWords(got[kind], done, done)).toBe(pdfWords(expected[kind], ref, done));
  }
  const manifest = JSON.parse(got.manifest.toString('utf8'));
  const refManifest = JSON.parse(expected.manifest.toString('utf8'));
  expect(manifest.release.records).toBe(refManifest.release.records);
  expect(manifest.privacy).toEqual(refManifest.privacy);
  expect(manifest.artifacts.map((a: { kind: string; sha256: string }) => [a.kind, a.sha256]).sort())
    .toEqual(recorded.filter((a) => a.kind !== 'manifest').map((a) => [a.kind, a.sha256]).sort());

  // job_runs tells the story: every job of the flow completed, two of them after a worker died.
  const jobs = await flowJobs(drilled.id);
  expect(jobs.map((j) => [j.jobId.replace(new RegExp(`^publish-${drilled.id}-\\d+`), 'flow'), j.status]).sort()).toEqual([
    ['flow', 'completed'], ['flow-codebook_csv', 'completed'], ['flow-codebook_pdf', 'completed'], ['flow-microdata_csv', 'completed'], ['flow-report_pdf', 'completed'],
  ]);
  const interrupted = Object.fromEntries(jobs.filter((j) => j.interruptions > 0).map((j) => [j.jobId.split('-').pop(), j.interruptions]));
  expect(Object.keys(interrupted).sort()).toEqual(['microdata_csv', 'report_pdf']);

  // The release was published once, never failed, and the audit chain still verifies.
  const events = await app.ctx.db.select({ action: auditEvents.action }).from(auditEvents)
    .where(and(eq(auditEvents.entityId, drilled.id), inArray(auditEvents.action, ['release.publish', 'release.finish_publishing', 'release.publishing_failed'])));
  expect(events.map((e) => e.action).sort()).toEqual(['release.finish_publishing', 'release.publish']);
  expect((await verifyAuditChain(app.ctx.db)).firstBrokenLink).toBeNull();
  console.log(`crash drill (publication): ${run.outputRows} published records; reference publication ${referenceSeconds.toFixed(1)} s; drilled with two kills ${drilledSeconds.toFixed(1)} s; interruptions ${JSON.stringify(interrupted)}; unencrypted scratch bytes left by the killed microdata build ${leftByKill[0].bytes}, removed by its retry`);
}, 600_000);
