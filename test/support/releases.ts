import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { Client } from 'pg';
import { agreements, anonymizationRuns, releases } from '../../db/schema';
import type { PartnerProfileName } from '../../server/domain/synthetic';
import { signedIn, waitFor, type ApiClient, type TestApp } from './harness';
import { insertPartner } from './partners';
import { generatedBytes, upload, waitForSubmission } from './submissions';

/** An active partner with a signed agreement carrying its attribution text. */
export async function contributingPartner(app: TestApp, name: string, attribution: string) {
  const partner = await insertPartner(app.ctx, 'active', { name, activatedAt: new Date() });
  // insertPartner gave the active partner its signed agreement in force: it carries the attribution.
  await app.ctx.db.update(agreements).set({ attribution }).where(eq(agreements.partnerId, partner.id));
  return partner;
}

/** The real path: upload → profile → mapping from suggestions approved by a second steward → harmonize. */
export async function harmonizedSubmission(app: TestApp, uploader: ApiClient, partnerId: string, profile: PartnerProfileName, rows: number, seed: number) {
  const steward = (await signedIn(app, ['data_steward'])).client;
  const reviewer = (await signedIn(app, ['data_steward'])).client;
  const uploaded = await upload(uploader, partnerId, await generatedBytes(profile, rows, seed), `${profile}-${seed}.csv`);
  if (uploaded.status !== 201) throw new Error(`upload: ${JSON.stringify(uploaded.body)}`);
  const profiled = await waitForSubmission(app, uploaded.body.id, ['profiled', 'failed']);
  if (profiled.status !== 'profiled') throw new Error(`profiling: ${profiled.failureReason}`);
  const draft = await steward.post(`/api/partners/${partnerId}/mapping-versions`, { basedOnSubmissionId: uploaded.body.id, start: 'suggestions' });
  if (draft.status !== 201) throw new Error(`mapping: ${JSON.stringify(draft.body)}`);
  await steward.post(`/api/mapping-versions/${draft.body.id}/actions/submit`, {});
  const approved = await reviewer.post(`/api/mapping-versions/${draft.body.id}/actions/approve`, {});
  if (approved.status !== 200) throw new Error(`approve mapping: ${JSON.stringify(approved.body)}`);
  await reviewer.post(`/api/submissions/${uploaded.body.id}/actions/harmonize`, {});
  const done = await waitForSubmission(app, uploaded.body.id, ['harmonized', 'failed'], 90_000);
  if (done.status !== 'harmonized') throw new Error(`harmonize: ${done.failureReason}`);
  return done;
}

export interface ReleaseTeam {
  composer: ApiClient;
  manager: ApiClient;
  privacy: ApiClient;
}

export async function releaseTeam(app: TestApp): Promise<ReleaseTeam> {
  return {
    composer: (await signedIn(app, ['release_manager'])).client,
    manager: (await signedIn(app, ['release_manager'])).client,
    privacy: (await signedIn(app, ['privacy_officer'])).client,
  };
}

export const releaseRow = async (app: TestApp, id: string) => (await app.ctx.db.select().from(releases).where(eq(releases.id, id)))[0];

/** A version as the API accepts it (YYYY.N). Few to pick from: compose with composeRelease. */
export const randomVersion = () => `20${Math.floor(30 + Math.random() * 69)}.${Math.floor(Math.random() * 99)}`;

/**
 * Composes a release through the API under a version no other test file of the run holds: with
 * only YYYY.N to pick from, another file may have taken the one drawn, so a taken one is drawn again.
 */
export async function composeRelease(client: ApiClient, body: Record<string, unknown>) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = await client.post('/api/releases', { version: randomVersion(), ...body });
    if (!(res.status === 409 && /already exists/.test(res.body.message))) return res;
  }
  throw new Error('no free release version after 20 draws');
}

/**
 * Through the real workflow: compose, anonymize under the default policy (the anonymization job),
 * the privacy officer approves the run, two sign-offs; the release ends approved.
 */
export async function approvedRelease(app: TestApp, team: ReleaseTeam, submissionIds: string[], title = 'Global victim dataset') {
  const composed = await composeRelease(team.composer, { title: `${title} ${randomUUID().slice(0, 4)}`, description: 'Test release for publication', submissionIds });
  if (composed.status !== 201) throw new Error(`compose: ${JSON.stringify(composed.body)}`);
  const id: string = composed.body.id;
  const policy = (await team.privacy.get('/api/policies/default')).body;
  const started = await team.composer.post(`/api/releases/${id}/actions/start_anonymization`, { policyId: policy.id });
  if (started.status !== 200) throw new Error(`start anonymization: ${JSON.stringify(started.body)}`);
  const run = await waitFor(async () => {
    const [r] = await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.releaseId, id));
    return r && ['completed', 'failed'].includes(r.status) ? r : null;
  }, 120_000, 'the anonymization run');
  if (run.status !== 'completed') throw new Error(`run failed: ${run.failureReason}`);
  if (run.differencing?.length) await team.privacy.post(`/api/anonymization-runs/${run.id}/differencing-override`, { reason: 'Test data: the overlap is synthetic' });
  const decided = await team.privacy.post(`/api/anonymization-runs/${run.id}/actions/approve`, {});
  if (decided.status !== 200) throw new Error(`approve run: ${JSON.stringify(decided.body)}`);
  await team.privacy.post(`/api/releases/${id}/signoffs`, { role: 'privacy_officer', comment: 'Risk figures checked' });
  const signed = await team.manager.post(`/api/releases/${id}/signoffs`, { role: 'release_manager', comment: 'Contents checked' });
  if (signed.body.status !== 'approved') throw new Error(`sign-off: ${JSON.stringify(signed.body)}`);
  return { id, version: composed.body.version as string, runId: run.id };
}

/** Any number: the advisory lock's key. */
const PUBLISHING_LOCK = 7_231_001;

/**
 * Publishing changes what every later anonymization run compares with: the latest published
 * release, whoever published it. A test file that publishes, or that needs its own release to stay
 * the latest while a run compares with it, does so under this lock (a PostgreSQL advisory lock:
 * it holds across the jest workers running other files).
 */
export async function whilePublishingHeld<T>(app: TestApp, fn: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: app.ctx.cfg.DATABASE_URL });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PUBLISHING_LOCK]);
    return await fn();
  } finally {
    await client.end();
  }
}

/** The release manager publishes; waits for the flow to end (published, or back to approved on failure). */
export async function publish(app: TestApp, manager: ApiClient, releaseId: string, timeoutMs = 120_000) {
  return whilePublishingHeld(app, async () => {
    const res = await manager.post(`/api/releases/${releaseId}/actions/publish`, {});
    if (res.status !== 200) throw new Error(`publish: ${JSON.stringify(res.body)}`);
    return waitFor(async () => {
      const r = await releaseRow(app, releaseId);
      return r.status === 'published' || r.status === 'approved' ? r : null;
    }, timeoutMs, 'the publication to end');
  });
}

/** A downloaded file's bytes (no JSON parsing: the harness client would mangle them). */
export async function download(baseUrl: string, path: string, cookie?: string | null) {
  const res = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Text of a PDF (or of one page) through poppler's pdftotext, as a reader would copy it. */
export function pdfText(pdf: Buffer, page?: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  try {
    const file = path.join(dir, 'f.pdf');
    fs.writeFileSync(file, pdf);
    const range = page ? ['-f', String(page), '-l', String(page)] : [];
    return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfPages(pdf: Buffer): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  try {
    const file = path.join(dir, 'f.pdf');
    fs.writeFileSync(file, pdf);
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Two partners' generated files harmonized for real (a hotline export and an HTCDS case system),
 * anonymized, approved, signed off and published through the real jobs.
 */
export async function publishedRelease(app: TestApp, names: [string, string] = ['Hope & Shelter <Moldova>', 'Global Case Network'], rows = 3000) {
  const team = await releaseTeam(app);
  const a = await contributingPartner(app, names[0], `Data courtesy of ${names[0]}.`);
  const b = await contributingPartner(app, names[1], `Contains data from ${names[1]}.`);
  const uploader = (await signedIn(app, ['data_steward'])).client;
  const submissions = [await harmonizedSubmission(app, uploader, a.id, 'hotline', rows, 7), await harmonizedSubmission(app, uploader, b.id, 'htcds', rows, 11)];
  const release = await approvedRelease(app, team, submissions.map((s) => s.id));
  const published = await publish(app, team.manager, release.id);
  if (published.status !== 'published') throw new Error(`publication failed: ${published.status}`);
  return { team, partners: [a, b], submissions, release };
}
