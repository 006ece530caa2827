import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { anonymizationRuns, auditEvents, jobRuns, releases, releaseSubmissions, standardRecords, submissions, type Role } from '../../db/schema';
import { DEFAULT_QIS } from '../../server/domain/anonymization';
import { CTDC_K_V7, publishedColumns } from '../../server/domain/standard';
import { verifyRows } from '../../server/domain/verifier';
import { runFolder } from '../../server/services/anonymization/remove-run-leftovers';
import { unresolvedDifferencing } from '../../server/services/releases/release-workflow';
import { ApiClient, signedIn, startTestApp, waitFor, type TestApp, type TestUser } from '../support/harness';
import { insertPartner } from '../support/partners';
import { whilePublishingHeld } from '../support/releases';
import { generatedBytes, upload, waitForSubmission } from '../support/submissions';

const ROWS = 3000;
let app: TestApp;
let starter: { user: TestUser; client: ApiClient };
let privacy: ApiClient;
let composer: TestUser;
let defaultPolicy: { id: string; policy: Record<string, unknown> };
const harmonized: { id: string; partnerId: string }[] = [];
/** The first release, approved in the first tests and published for the differencing ones. */
let approvedReleaseId: string;

/** The real path: upload → profile → mapping from suggestions approved by a second steward → harmonize. */
async function harmonizedSubmission(seed: number) {
  const partnerId = (await insertPartner(app.ctx, 'active')).id;
  const steward = (await signedIn(app, ['data_steward'])).client;
  const reviewer = (await signedIn(app, ['data_steward'])).client;
  const uploaded = await upload(steward, partnerId, await generatedBytes('hotline', ROWS, seed), `hotline-${seed}.csv`);
  expect(uploaded.status).toBe(201);
  await waitForSubmission(app, uploaded.body.id, ['profiled']);
  const draft = await steward.post(`/api/partners/${partnerId}/mapping-versions`, { basedOnSubmissionId: uploaded.body.id, start: 'suggestions' });
  expect((await steward.post(`/api/mapping-versions/${draft.body.id}/actions/submit`, {})).status).toBe(200);
  expect((await reviewer.post(`/api/mapping-versions/${draft.body.id}/actions/approve`, {})).status).toBe(200);
  expect((await reviewer.post(`/api/submissions/${uploaded.body.id}/actions/harmonize`, {})).status).toBe(200);
  const done = await waitForSubmission(app, uploaded.body.id, ['harmonized', 'failed']);
  expect(done.failureReason).toBeNull();
  return { id: done.id, partnerId };
}

/** What the release service does when a release manager starts anonymization, done directly. */
async function releaseWith(submissionIds: string[]) {
  const [release] = await app.ctx.db.insert(releases)
    .values({ version: `t-${randomUUID().slice(0, 8)}`, title: 'Test release', standardId: CTDC_K_V7.id, status: 'anonymizing', composedBy: composer.id }).returning();
  await app.ctx.db.insert(releaseSubmissions).values(submissionIds.map((submissionId) => ({ releaseId: release.id, submissionId })));
  return release.id;
}

const runFiles = (runId: string) => join(app.ctx.cfg.dataDir, 'blobs', runFolder(runId));

/** What a worker killed mid-run leaves in the run's folder: an unfinished output, and an output stored but never recorded. */
async function plantLeftovers(runId: string) {
  mkdirSync(runFiles(runId), { recursive: true });
  writeFileSync(join(runFiles(runId), `${randomUUID()}.enc.partial`), 'unfinished');
  await app.ctx.blobs.put(runFolder(runId), Readable.from(['stored, never recorded']));
  expect(readdirSync(runFiles(runId))).toHaveLength(2);
}

async function startRun(releaseId: string, policy: { id: string; policy: unknown } = defaultPolicy, leftovers = false) {
  const [run] = await app.ctx.db.insert(anonymizationRuns)
    .values({ releaseId, policyId: policy.id, policySnapshot: policy.policy as never, startedBy: starter.user.id }).returning();
  if (leftovers) await plantLeftovers(run.id);
  await app.ctx.jobs.enqueue('anonymization.run', { runId: run.id }, { jobId: `anonymize-${run.id}`, entity: { type: 'anonymization_run', id: run.id }, requestedBy: starter.user.id });
  return run.id;
}

async function finishedRun(runId: string) {
  return waitFor(async () => {
    const [run] = await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.id, runId));
    return ['completed', 'failed'].includes(run.status) ? run : null;
  }, 90_000, `run ${runId} to finish`);
}

async function outputText(key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of app.ctx.blobs.open(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The run's job once it has ended with `status`: a run is completed or failed first and the files
 * of earlier attempts removed after, so those are gone only once its job has ended.
 */
async function jobEnded(runId: string, status: 'completed' | 'failed') {
  return waitFor(async () => {
    const [job] = await app.ctx.db.select().from(jobRuns).where(eq(jobRuns.jobId, `anonymize-${runId}`));
    return job?.status === status ? job : null;
  }, 20_000, `the job of run ${runId} to end`);
}

const releaseOf = async (id: string) => (await app.ctx.db.select().from(releases).where(eq(releases.id, id)))[0];

beforeAll(async () => {
  app = await startTestApp();
  await app.startWorkers();
  starter = await signedIn(app, ['release_manager', 'privacy_officer'] as Role[]);
  privacy = (await signedIn(app, ['privacy_officer'])).client;
  composer = (await signedIn(app, ['release_manager'])).user;
  harmonized.push(await harmonizedSubmission(7), await harmonizedSubmission(11));
  defaultPolicy = (await privacy.get('/api/policies/default')).body;
}, 180_000);
afterAll(async () => { await app.close(); });

describe('an anonymization run over two partners\' harmonized records', () => {
  let releaseId: string;
  let runId: string;
  let run: typeof anonymizationRuns.$inferSelect;

  it('completes with measures that add up, within the 5 % suppression limit', async () => {
    releaseId = await releaseWith(harmonized.map((s) => s.id));
    runId = await startRun(releaseId);
    run = await finishedRun(runId);
    expect(run.failureReason).toBeNull();
    expect(run.status).toBe('completed');
    const [{ n }] = await app.ctx.db.select({ n: count() }).from(standardRecords).where(inArray(standardRecords.submissionId, harmonized.map((s) => s.id)));
    expect(n).toBe(2 * ROWS);
    const m = run.measures as any;
    expect(m.records.in).toBe(n);
    expect(m.records.kept + m.records.suppressed).toBe(n);
    expect(m.records.suppressedShare).toBeLessThanOrEqual(0.05);
    expect(m.levels.map((l: { qi: string }) => l.qi)).toEqual([...DEFAULT_QIS]);
    expect(m.classes.smallest).toBeGreaterThanOrEqual(11);
    expect(m.suppressedByPartner.map((p: { key: string }) => p.key).sort()).toEqual(harmonized.map((s) => s.partnerId).sort());
    expect(m.suppressionOnly.records.suppressed).toBeGreaterThan(m.records.suppressed);
    expect(m.verification).toMatchObject({ ok: true, rows: m.records.kept });
    expect(m.differencing).toMatchObject({ against: null, compared: false, exposures: 0 });
    expect(run.outputRows).toBe(m.records.kept);

    const detail = await privacy.get(`/api/anonymization-runs/${runId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: 'completed', releaseId, policyId: defaultPolicy.id, policyName: 'default', actions: ['approve', 'reject'] });
    expect(detail.body.policySnapshot.k).toBe(11);
    expect(detail.body.job).toMatchObject({ status: 'completed', progress: 100 });
    const list = await privacy.get(`/api/anonymization-runs?releaseId=${releaseId}`);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([runId]);
  }, 120_000);

  it('writes the standard\'s exact layout, which the independent verifier accepts at k = 11', async () => {
    const text = await outputText(run.outputKey!);
    expect(text.split('\n')[0]).toBe(publishedColumns(CTDC_K_V7).join(','));
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    const rows: Record<string, string>[] = parse(text, { columns: true });
    expect(rows).toHaveLength(run.outputRows!);
    const report = verifyRows(rows, { qis: [...DEFAULT_QIS], k: 11, expectedRows: run.outputRows! });
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    expect(rows.every((r) => ['0', '1', ''].includes(r.isForcedLabour))).toBe(true);
    expect(rows.some((r) => r.isForcedLabour === '1')).toBe(true);
    expect(await app.ctx.blobs.sha256(run.outputKey!)).toBe(run.outputSha256);
  });

  it('waits on another privacy officer\'s dashboard, not on the starter\'s', async () => {
    const mine = await starter.client.get('/api/dashboard');
    const theirs = await privacy.get('/api/dashboard');
    const ids = (body: any) => JSON.stringify(body);
    expect(ids(theirs.body)).toContain(runId);
    expect(ids(mine.body)).not.toContain(runId);
  });

  it('cannot be approved by whoever started it (four-eyes), and a rejection needs a reason', async () => {
    const self = await starter.client.post(`/api/anonymization-runs/${runId}/actions/approve`, {});
    expect(self.status).toBe(422);
    expect(self.body.message).toMatch(/Four-eyes rule/);
    const noReason = await privacy.post(`/api/anonymization-runs/${runId}/actions/reject`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual([{ path: 'reason', message: 'Required' }]);
  });

  it('approved by another privacy officer, sends the release to review with this run to publish', async () => {
    const approved = await privacy.post(`/api/anonymization-runs/${runId}/actions/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(await releaseOf(releaseId)).toMatchObject({ status: 'in_review', approvedRunId: runId });
    approvedReleaseId = releaseId;
    const events = await app.ctx.db.select({ action: auditEvents.action }).from(auditEvents).where(inArray(auditEvents.entityId, [runId, releaseId]));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['anonymization_run.start', 'anonymization_run.complete', 'anonymization_run.approve', 'release.run_approved']));
    expect((await privacy.post(`/api/anonymization-runs/${runId}/actions/approve`, {})).status).toBe(409);
  });

  it('gives a byte-identical output for the same records and policy; a rejection returns the release to draft', async () => {
    const again = await releaseWith(harmonized.map((s) => s.id));
    const second = await finishedRun(await startRun(again));
    expect(second.status).toBe('completed');
    expect(second.outputSha256).toBe(run.outputSha256);
    expect(second.outputKey).not.toBe(run.outputKey);
    const rejected = await privacy.post(`/api/anonymization-runs/${second.id}/actions/reject`, { reason: 'Age bands too coarse for the analysts' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: 'Age bands too coarse for the analysts' });
    expect((await releaseOf(again)).status).toBe('draft');
  }, 120_000);
});

/**
 * A harmonized submission of `copies` copies of one record from `source`'s largest QI combination
 * (so they fall in a kept class), of the same partner.
 */
async function copiesOfCommonRecord(source: { id: string; partnerId: string }, copies: number, originalName: string, shaDigit: string) {
  const qiColumns = DEFAULT_QIS.map((qi) => sql.identifier(CTDC_K_V7.variables.find((v) => v.name === qi)!.dbColumn));
  const common = await app.ctx.db.execute<{ id: string }>(sql`SELECT min(id) AS id FROM standard_records WHERE submission_id = ${source.id}
    GROUP BY ${sql.join(qiColumns, sql`, `)} ORDER BY count(*) DESC LIMIT 1`);
  const [copy] = await app.ctx.db.insert(submissions)
    .values({ partnerId: source.partnerId, status: 'harmonized', originalName, size: 1, sha256: shaDigit.repeat(64), recordCount: copies }).returning();
  const columns = sql.join(CTDC_K_V7.variables.map((v) => sql.identifier(v.dbColumn)), sql`, `);
  await app.ctx.db.execute(sql`INSERT INTO standard_records (submission_id, partner_id, ${columns})
    SELECT ${copy.id}::uuid, partner_id, ${columns} FROM standard_records, generate_series(1, ${copies}::int) WHERE id = ${common.rows[0].id}`);
  return copy;
}

describe('differencing against the previous published release', () => {
  let runId: string;
  // Other test files of the same run compare against published releases too: leave none behind.
  afterAll(async () => {
    if (approvedReleaseId) await app.ctx.db.update(releases).set({ status: 'retracted', retractedAt: new Date(), retractionReason: 'test over' }).where(eq(releases.id, approvedReleaseId));
  });

  it('flags the class a handful of added records grew, and shows the previous release\'s figures', async () => {
    const published = await releaseOf(approvedReleaseId);
    // Three copies of a record from the largest QI combination: a kept class grows by 3 < k.
    const addendum = await copiesOfCommonRecord(harmonized[0], 3, 'addendum.csv', '0');
    const next = await releaseWith([...harmonized.map((s) => s.id), addendum.id]);
    // This release must be the latest published one while the run compares: no other file may
    // publish meanwhile.
    const run = await whilePublishingHeld(app, async () => {
      await app.ctx.db.update(releases).set({ status: 'published', publishedAt: new Date() }).where(eq(releases.id, published.id));
      runId = await startRun(next);
      return finishedRun(runId);
    });
    expect(run.status).toBe('completed');
    const exposures = run.differencing as { growth: number; labels: Record<string, string> }[];
    expect(exposures.length).toBeGreaterThanOrEqual(1);
    expect(exposures.some((e) => e.growth === 3)).toBe(true);
    expect((run.measures as any).differencing).toMatchObject({ against: { releaseId: published.id, runId: published.approvedRunId }, compared: true, exposures: exposures.length });
    expect(await unresolvedDifferencing(app.ctx.db, runId)).toBe(exposures.length);

    const detail = await privacy.get(`/api/anonymization-runs/${runId}`);
    expect(detail.body.previousRelease).toMatchObject({ releaseId: published.id, version: published.version, runId: published.approvedRunId });
    expect(detail.body.previousRelease.measures.records.in).toBe(2 * ROWS);
  }, 120_000);

  it('lets a privacy officer override it, with a reason, recorded in the audit log', async () => {
    const noReason = await privacy.post(`/api/anonymization-runs/${runId}/differencing-override`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    const done = await privacy.post(`/api/anonymization-runs/${runId}/differencing-override`, { reason: 'The three added cases are already public in the partner\'s annual report' });
    expect(done.status).toBe(200);
    expect(done.body.differencingOverrideReason).toMatch(/annual report/);
    expect(await unresolvedDifferencing(app.ctx.db, runId)).toBe(0);
    const [event] = await app.ctx.db.select().from(auditEvents)
      .where(and(eq(auditEvents.entityId, runId), eq(auditEvents.action, 'anonymization_run.differencing_override')));
    expect(event.reason).toMatch(/annual report/);
    expect((await privacy.post(`/api/anonymization-runs/${runId}/differencing-override`, { reason: 'again' })).status).toBe(409);
  });
});

describe('l-diversity', () => {
  it('keeps at least l distinct values of the sensitive variable in every published class', async () => {
    const policy = { ...structuredClone(defaultPolicy.policy), lDiversity: { variable: 'isForcedLabour', l: 2 } };
    const created = await privacy.post('/api/policies', { name: `diverse-${randomUUID().slice(0, 6)}`, policy });
    expect(created.status).toBe(201);
    const run = await finishedRun(await startRun(await releaseWith(harmonized.map((s) => s.id)), created.body));
    expect(run.failureReason).toBeNull();
    expect((run.measures as any).classes.smallestDistinct).toBeGreaterThanOrEqual(2);
    const rows: Record<string, string>[] = parse(await outputText(run.outputKey!), { columns: true });
    const report = verifyRows(rows, { qis: [...DEFAULT_QIS], k: 11, lDiversity: { variable: 'isForcedLabour', l: 2 } });
    expect(report.violations).toEqual([]);
  }, 60_000);
});

describe('text that needs quoting', () => {
  it('is quoted in the output, which still parses into the standard\'s columns', async () => {
    const odd = await copiesOfCommonRecord(harmonized[1], 2, 'comma.csv', '3');
    const [first, second] = (await app.ctx.db.select({ id: standardRecords.id }).from(standardRecords).where(eq(standardRecords.submissionId, odd.id))).map((r) => r.id);
    await app.ctx.db.execute(sql`UPDATE standard_records SET majority_entry = 'Adult, "probably"' WHERE id = ${first}`);
    // COPY escapes a backslash and a line break: the writer must undo that.
    await app.ctx.db.execute(sql`UPDATE standard_records SET majority_entry = ${'Adult\\later\nnote'} WHERE id = ${second}`);
    const run = await finishedRun(await startRun(await releaseWith([harmonized[1].id, odd.id])));
    expect(run.failureReason).toBeNull();
    const text = await outputText(run.outputKey!);
    expect(text).toContain(',"Adult, ""probably""",');
    const rows: string[][] = parse(text);
    expect(rows.every((r) => r.length === publishedColumns(CTDC_K_V7).length)).toBe(true);
    expect(rows.filter((r) => r.includes('Adult, "probably"'))).toHaveLength(1);
    expect(rows.filter((r) => r.includes('Adult\\later\nnote'))).toHaveLength(1);
  }, 60_000);
});

describe('files an interrupted attempt left in the run\'s folder', () => {
  it('are removed when the run completes; its recorded output and class counts stay, other runs\' files too', async () => {
    const other = await app.ctx.blobs.put(runFolder(randomUUID()), Readable.from(['another run\'s output']));
    const runId = await startRun(await releaseWith(harmonized.map((s) => s.id)), defaultPolicy, true);
    const run = await finishedRun(runId);
    expect(run.status).toBe('completed');
    await jobEnded(runId, 'completed');
    expect(readdirSync(runFiles(runId)).sort()).toEqual([run.outputKey!, run.classCountsKey!].map((k) => `${basename(k)}.enc`).sort());
    expect(await app.ctx.blobs.sha256(run.outputKey!)).toBe(run.outputSha256);
    expect(await app.ctx.blobs.exists(other.key)).toBe(true);
    await app.ctx.blobs.delete(other.key);
  }, 90_000);
});

describe('a run that cannot succeed', () => {
  it('fails with a readable reason, without retrying, leaving no file in its folder', async () => {
    const policy = structuredClone(defaultPolicy.policy) as any;
    policy.hierarchies.yearOfRegistration.rows = policy.hierarchies.yearOfRegistration.rows.filter((r: string[]) => r[0] === '' || Number(r[0]) < 2012);
    const created = await privacy.post('/api/policies', { name: `old-years-${randomUUID().slice(0, 6)}`, policy });
    expect(created.status).toBe(201);
    const runId = await startRun(await releaseWith([harmonized[0].id]), created.body, true);
    const run = await finishedRun(runId);
    expect(run.status).toBe('failed');
    expect(run.failureReason).toMatch(/^yearOfRegistration: value "20\d\d" is not in the hierarchy$/);
    expect(await jobEnded(runId, 'failed')).toMatchObject({ attempts: 1 });
    expect(readdirSync(runFiles(runId))).toEqual([]);
  }, 60_000);

  it('fails when a flag holds something other than 0 or 1', async () => {
    const [odd] = await app.ctx.db.insert(submissions)
      .values({ partnerId: harmonized[1].partnerId, status: 'harmonized', originalName: 'odd.csv', size: 1, sha256: '1'.repeat(64), recordCount: 1 }).returning();
    const columns = sql.join(CTDC_K_V7.variables.map((v) => sql.identifier(v.dbColumn)), sql`, `);
    await app.ctx.db.execute(sql`INSERT INTO standard_records (submission_id, partner_id, ${columns})
      SELECT ${odd.id}::uuid, partner_id, ${columns} FROM standard_records WHERE submission_id = ${harmonized[1].id} LIMIT 1`);
    await app.ctx.db.execute(sql`UPDATE standard_records SET is_forced_labour = 2 WHERE submission_id = ${odd.id}`);
    const run = await finishedRun(await startRun(await releaseWith([harmonized[1].id, odd.id])));
    expect(run.status).toBe('failed');
    expect(run.failureReason).toBe('A flag column of the release\'s records holds a value other than 0 or 1');
    expect(run.outputKey).toBeNull();
  }, 60_000);

  it('fails when the independent verifier finds an identifier-looking value, without naming it', async () => {
    const [leaky] = await app.ctx.db.insert(submissions)
      .values({ partnerId: harmonized[1].partnerId, status: 'harmonized', originalName: 'leaky.csv', size: 1, sha256: '2'.repeat(64), recordCount: 1 }).returning();
    const columns = sql.join(CTDC_K_V7.variables.map((v) => sql.identifier(v.dbColumn)), sql`, `);
    await app.ctx.db.execute(sql`INSERT INTO standard_records (submission_id, partner_id, ${columns})
      SELECT ${leaky.id}::uuid, partner_id, ${columns} FROM standard_records WHERE submission_id = ${harmonized[1].id} LIMIT 1`);
    await app.ctx.db.execute(sql`UPDATE standard_records SET majority_entry = 'maria.lopez@example.org' WHERE submission_id = ${leaky.id}`);
    const run = await finishedRun(await startRun(await releaseWith([harmonized[1].id, leaky.id])));
    expect(run.status).toBe('failed');
    expect(run.failureReason).toBe('The independent verifier refused the output: column majorityEntry: a value looks like an identifier (email)');
    expect(run.outputKey).toBeNull();
  }, 60_000);
});
