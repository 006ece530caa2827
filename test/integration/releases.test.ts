import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { anonymizationPolicies, anonymizationRuns, auditEvents, releases } from '../../db/schema';
import { ApiClient, signedIn, startTestApp, type TestApp, type TestUser } from '../support/harness';
import { composeRelease, randomVersion } from '../support/releases';

let app: TestApp;
let composer: { client: ApiClient; user: TestUser };
let manager: ApiClient;
let manager2: ApiClient;
let privacy: ApiClient;
let privacy2: ApiClient;
let both: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  composer = await signedIn(app, ['release_manager']);
  manager = (await signedIn(app, ['release_manager'])).client;
  manager2 = (await signedIn(app, ['release_manager'])).client;
  privacy = (await signedIn(app, ['privacy_officer'])).client;
  privacy2 = (await signedIn(app, ['privacy_officer'])).client;
  both = (await signedIn(app, ['privacy_officer', 'release_manager'])).client;
});
afterAll(async () => { await app.close(); });


/** A release in review with an approved run, as the anonymization step leaves it. */
async function releaseInReview(differencing: Record<string, unknown>[] = []) {
  const [policy] = await app.ctx.db.insert(anonymizationPolicies).values({ name: `p-${randomUUID()}`, version: 1, policy: { qis: [], hierarchies: {}, maxLevels: {}, k: 11, suppressionLimit: 0.05 } }).returning();
  const [release] = await app.ctx.db.insert(releases).values({ version: `${randomVersion()}-${randomUUID().slice(0, 4)}`, title: 'Test release', standardId: 'ctdc-k-v7', status: 'in_review', composedBy: composer.user.id }).returning();
  const [run] = await app.ctx.db.insert(anonymizationRuns).values({ releaseId: release.id, status: 'approved', policyId: policy.id, policySnapshot: policy.policy, differencing }).returning();
  await app.ctx.db.update(releases).set({ approvedRunId: run.id }).where(eq(releases.id, release.id));
  return { release, run };
}

const sign = (client: ApiClient, id: string, role: string) => client.post(`/api/releases/${id}/signoffs`, { role, comment: 'Checked the figures' });

describe('composing', () => {
  it('validates the version and refuses submissions that are not harmonized', async () => {
    const bad = await composer.client.post('/api/releases', { version: 'v2', title: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['version', 'title']));
    const notEligible = await composeRelease(composer.client, { title: 'A release', submissionIds: [randomUUID()] });
    expect(notEligible.status).toBe(400);
    expect(notEligible.body.message).toMatch(/only harmonized submissions/);
  });

  it('refuses to start anonymization with no submissions', async () => {
    const res = await composeRelease(composer.client, { title: 'Empty release' });
    expect(res.status).toBe(201);
    const start = await composer.client.post(`/api/releases/${res.body.id}/actions/start_anonymization`, { policyId: randomUUID() });
    expect(start.status).toBe(400);
    const [policy] = await app.ctx.db.insert(anonymizationPolicies).values({ name: `p-${randomUUID()}`, version: 1, policy: { qis: [], hierarchies: {}, maxLevels: {}, k: 11, suppressionLimit: 0.05 } }).returning();
    const guarded = await composer.client.post(`/api/releases/${res.body.id}/actions/start_anonymization`, { policyId: policy.id });
    expect(guarded.status).toBe(422);
    expect(guarded.body.message).toBe('Add at least one harmonized submission to the release first');
  });
});

describe('sign-off', () => {
  it('needs a privacy officer and a release manager, two people, neither the composer', async () => {
    const { release } = await releaseInReview();
    const byComposer = await sign(composer.client, release.id, 'release_manager');
    expect(byComposer.status).toBe(422);
    expect(byComposer.body.message).toMatch(/you composed this release/);

    expect((await sign(both, release.id, 'privacy_officer')).body.status).toBe('in_review');
    const sameAgain = await sign(both, release.id, 'release_manager');
    expect(sameAgain.status).toBe(422);
    expect(sameAgain.body.message).toMatch(/another person/);
    expect((await sign(privacy2, release.id, 'privacy_officer')).status).toBe(409);

    const done = await sign(manager, release.id, 'release_manager');
    expect(done.status).toBe(201);
    expect(done.body.status).toBe('approved');
    expect(done.body.signoffs.map((s: { role: string }) => s.role).sort()).toEqual(['privacy_officer', 'release_manager']);
    const events = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, release.id), eq(auditEvents.action, 'release.approve')));
    expect(events).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous same-role sign-offs win', async () => {
    const { release } = await releaseInReview();
    const results = await Promise.all([sign(manager, release.id, 'release_manager'), sign(manager2, release.id, 'release_manager')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('a rejection needs a reason and returns the release to draft, with a fresh round', async () => {
    const { release } = await releaseInReview();
    await sign(privacy, release.id, 'privacy_officer');
    const noReason = await manager.post(`/api/releases/${release.id}/signoffs/reject`, { reason: '' });
    expect(noReason.status).toBe(400);
    const rejected = await manager.post(`/api/releases/${release.id}/signoffs/reject`, { reason: 'Totals do not match the last quarter' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'draft', signoffRound: 2 });
    expect(rejected.body.signoffs.find((s: { decision: string }) => s.decision === 'reject').comment).toBe('Totals do not match the last quarter');
  });

  it('refuses approval while differencing exposures have no override', async () => {
    const { release, run } = await releaseInReview([{ classKey: 'x', previous: 20, current: 23, added: 3 }]);
    await sign(privacy, release.id, 'privacy_officer');
    const gated = await sign(manager, release.id, 'release_manager');
    expect(gated.status).toBe(422);
    expect(gated.body.message).toMatch(/differencing/);
    const [row] = await app.ctx.db.select().from(releases).where(eq(releases.id, release.id));
    expect(row.status).toBe('in_review');
    await app.ctx.db.update(anonymizationRuns).set({ differencingOverrideReason: 'The added records are in a class of 200' }).where(eq(anonymizationRuns.id, run.id));
    expect((await sign(manager, release.id, 'release_manager')).body.status).toBe('approved');
  });
});

describe('after approval', () => {
  it('retracting a published release needs a reason', async () => {
    // No approved run on it: other test files looking for "the previous published release" ignore it.
    const [release] = await app.ctx.db.insert(releases).values({ version: `${randomVersion()}-${randomUUID().slice(0, 4)}`, title: 'Published', standardId: 'ctdc-k-v7', status: 'published', composedBy: composer.user.id }).returning();
    expect((await manager.post(`/api/releases/${release.id}/actions/retract`, {})).status).toBe(400);
    const res = await manager.post(`/api/releases/${release.id}/actions/retract`, { reason: 'A partner withdrew consent' });
    expect(res.body).toMatchObject({ status: 'retracted', retractionReason: 'A partner withdrew consent' });
  });

  it('system steps cannot be taken by hand', async () => {
    const { release } = await releaseInReview();
    expect((await manager.post(`/api/releases/${release.id}/actions/approve`, {})).status).toBe(403);
    expect((await manager.post(`/api/releases/${release.id}/actions/nonsense`, {})).status).toBe(400);
  });
});
