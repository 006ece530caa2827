import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { anonymizationPolicies, anonymizationRuns, auditEvents, mappingVersions, releases } from '../../db/schema';
import { generatedSubmission } from '../support/generated-records';
import { ApiClient, signedIn, startTestApp, waitFor, type TestApp, type TestUser } from '../support/harness';
import { insertPartner } from '../support/partners';
import { composeRelease, randomVersion } from '../support/releases';
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

describe('anonymization run decisions', () => {
  let manager: ApiClient;
  let privacyA: ApiClient;
  let privacyB: ApiClient;
  let releaseId: string;
  let runId: string;
  const runRow = async () => (await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.id, runId)))[0];

  beforeAll(async () => {
    manager = (await signedIn(app, ['release_manager'])).client;
    privacyA = (await signedIn(app, ['privacy_officer'])).client;
    privacyB = (await signedIn(app, ['privacy_officer'])).client;
    // Enough records for the run's job to take a few seconds.
    const generated = await generatedSubmission(app.ctx, partnerId, 150_000, 5);
    const composed = await composeRelease(manager, { title: 'Race release', submissionIds: [generated.id] });
    expect(composed.status).toBe(201);
    releaseId = composed.body.id;
  });

  it('a privacy officer cannot approve a run whose job still runs: 409, and the run goes on', async () => {
    const policy = (await privacyA.get('/api/policies/default')).body;
    expect((await manager.post(`/api/releases/${releaseId}/actions/start_anonymization`, { policyId: policy.id })).status).toBe(200);
    const running = await waitFor(async () => {
      const [run] = await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.releaseId, releaseId));
      if (run && ['completed', 'failed'].includes(run.status)) throw new Error(`the run ended (${run.status}) before the race: use more records`);
      return run?.status === 'running' ? run : null;
    }, 30_000, 'the run to be running');
    runId = running.id;
    const early = await privacyA.post(`/api/anonymization-runs/${runId}/actions/approve`, {});
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('Anonymization run is running: "approve" needs it to be completed');
    // Still running after the answer, so it was running when the approval was refused.
    expect((await runRow()).status).toBe('running');
    const done = await waitFor(async () => {
      const run = await runRow();
      return ['completed', 'failed'].includes(run.status) ? run : null;
    }, 50_000, 'the run to end');
    expect(done.failureReason).toBeNull();
  });

  it('two privacy officers approving the finished run at once: one wins, one gets 409, one audit event', async () => {
    expect((await runRow()).status).toBe('completed');
    const results = await Promise.all([
      privacyA.post(`/api/anonymization-runs/${runId}/actions/approve`, {}),
      privacyB.post(`/api/anonymization-runs/${runId}/actions/approve`, {}),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.message).toMatch(/^Anonymization run (is approved|was changed by someone else)/);
    const events = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, runId), eq(auditEvents.action, 'anonymization_run.approve')));
    expect(events).toHaveLength(1);
    const moved = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, releaseId), eq(auditEvents.action, 'release.run_approved')));
    expect(moved).toHaveLength(1);
    const [release] = await app.ctx.db.select().from(releases).where(eq(releases.id, releaseId));
    expect(release).toMatchObject({ status: 'in_review', approvedRunId: runId });
  });
});

describe('release sign-offs', () => {
  let composer: TestUser;
  let managerA: ApiClient;
  let managerB: ApiClient;
  let privacy: ApiClient;

  beforeAll(async () => {
    composer = (await signedIn(app, ['release_manager'])).user;
    managerA = (await signedIn(app, ['release_manager'])).client;
    managerB = (await signedIn(app, ['release_manager'])).client;
    privacy = (await signedIn(app, ['privacy_officer'])).client;
  });

  /** A release in review with an approved run, as the anonymization step leaves it. */
  async function releaseInReview() {
    const [policy] = await app.ctx.db.insert(anonymizationPolicies).values({ name: `p-${randomUUID()}`, version: 1, policy: { qis: [], hierarchies: {}, maxLevels: {}, k: 11, suppressionLimit: 0.05 } }).returning();
    const [release] = await app.ctx.db.insert(releases).values({ version: `${randomVersion()}-${randomUUID().slice(0, 4)}`, title: 'Race release', standardId: 'ctdc-k-v7', status: 'in_review', composedBy: composer.id }).returning();
    const [run] = await app.ctx.db.insert(anonymizationRuns).values({ releaseId: release.id, status: 'approved', policyId: policy.id, policySnapshot: policy.policy }).returning();
    await app.ctx.db.update(releases).set({ approvedRunId: run.id }).where(eq(releases.id, release.id));
    return release.id;
  }
  const sign = (client: ApiClient, id: string, role: string) => client.post(`/api/releases/${id}/signoffs`, { role, comment: 'Figures checked' });
  const events = (id: string, action: string) => app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action)));

  it('two release managers signing off at once: one sign-off stands, the other gets 409, one audit event', async () => {
    const id = await releaseInReview();
    const results = await Promise.all([sign(managerA, id, 'release_manager'), sign(managerB, id, 'release_manager')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.message).toBe('This release already has a release manager sign-off');
    const signed = await events(id, 'release.sign_off');
    expect(signed.map((e) => (e.details as { role: string }).role)).toEqual(['release_manager']);
    const [row] = await app.ctx.db.select().from(releases).where(eq(releases.id, id));
    expect(row.status).toBe('in_review');
  });

  it('the two roles signing off at once: both stand, and the release is approved once', async () => {
    const id = await releaseInReview();
    const results = await Promise.all([sign(managerA, id, 'release_manager'), sign(privacy, id, 'privacy_officer')]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    // They queue on the release's row lock: the second to commit sees both sign-offs and approves.
    expect(results.map((r) => r.body.status).sort()).toEqual(['approved', 'in_review']);
    expect(await events(id, 'release.sign_off')).toHaveLength(2);
    expect(await events(id, 'release.approve')).toHaveLength(1);
  });
});
