import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, like } from 'drizzle-orm';
import { anonymizationRuns, auditEvents, jobRuns, releaseArtifacts, releases, releaseSubmissions } from '../../db/schema';
import { ApiClient, startTestApp, waitFor, type TestApp } from '../support/harness';
import { download, publish, publishedRelease, releaseRow, type ReleaseTeam } from '../support/releases';

let app: TestApp;
let team: ReleaseTeam;
let release: { id: string; version: string; runId: string };

beforeAll(async () => {
  app = await startTestApp();
  await app.startWorkers();
  ({ team, release } = await publishedRelease(app, ['Refusals Partner A', 'Refusals Partner B']));
}, 400_000);
afterAll(async () => { await app.close(); });

const blobFile = (key: string) => path.join(app.ctx.cfg.dataDir, 'blobs', `${key}.enc`);
const artifactUrl = (version: string, kind: string) => `/api/public/releases/${version}/artifacts/${kind}`;

async function text(key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of app.ctx.blobs.open(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('integrity of published files', () => {
  it('refuses to serve an artifact whose stored file was altered, and serves it again once restored', async () => {
    const [artifact] = await app.ctx.db.select().from(releaseArtifacts).where(and(eq(releaseArtifacts.releaseId, release.id), eq(releaseArtifacts.kind, 'report_pdf')));
    const file = blobFile(artifact.storageKey);
    const original = fs.readFileSync(file);
    try {
      const garbage = Buffer.from(original);
      garbage[garbage.length - 40] ^= 0xff;
      fs.writeFileSync(file, garbage);
      const flipped = await new ApiClient(app.baseUrl).get(artifactUrl(release.version, 'report_pdf'));
      expect(flipped.status).toBe(409);
      expect(flipped.body.message).toMatch(/failed its integrity check: the stored file was altered or truncated/);

      // A well-formed encrypted file with other content: it decrypts, but its checksum differs.
      const other = await app.ctx.blobs.put('tamper-test', Readable.from([Buffer.from('%PDF-1.3 not the report')]));
      fs.copyFileSync(blobFile(other.key), file);
      const swapped = await new ApiClient(app.baseUrl).get(artifactUrl(release.version, 'report_pdf'));
      expect(swapped.status).toBe(409);
      expect(swapped.body.message).toMatch(/does not match its recorded SHA-256/);
      const staff = await team.manager.get(`/api/releases/${release.id}/artifacts/report_pdf`);
      expect(staff.status).toBe(409);
    } finally {
      fs.writeFileSync(file, original);
    }
    const restored = await download(app.baseUrl, artifactUrl(release.version, 'report_pdf'));
    expect(restored.status).toBe(200);
    expect(restored.headers.get('x-checksum-sha256')).toBe(artifact.sha256);
  });
});

describe('a publication that fails', () => {
  let failing: typeof releases.$inferSelect;
  let runId: string;

  /** An approved release whose run output breaks k (one extra row in a class of its own). */
  async function releaseWithBrokenOutput() {
    const [good] = await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.id, release.runId));
    const lines = (await text(good.outputKey!)).split('\n');
    const header = lines[0].split(',');
    const odd = lines[1].split(',');
    odd[header.indexOf('citizenship')] = 'ZW';
    odd[header.indexOf('CountryOfExploitation')] = 'ZW';
    const broken = await app.ctx.blobs.put('tamper-test', Readable.from([Buffer.from(`${[...lines.slice(0, -1), odd.join(',')].join('\n')}\n`)]));
    const [rel] = await app.ctx.db.insert(releases).values({ version: `${release.version}9`, title: 'Broken output', standardId: 'ctdc-k-v7', status: 'approved' }).returning();
    const { id: _id, ...copy } = good;
    const [run] = await app.ctx.db.insert(anonymizationRuns).values({ ...copy, releaseId: rel.id, outputKey: broken.key, outputSha256: broken.sha256, outputRows: good.outputRows! + 1 }).returning();
    await app.ctx.db.update(releases).set({ approvedRunId: run.id }).where(eq(releases.id, rel.id));
    const included = await app.ctx.db.select().from(releaseSubmissions).where(eq(releaseSubmissions.releaseId, release.id));
    await app.ctx.db.insert(releaseSubmissions).values(included.map((s) => ({ ...s, releaseId: rel.id })));
    return { rel, run, good };
  }

  it('goes back to approved with the verifier\'s reason, records nothing and stops its flow', async () => {
    const { rel, run } = await releaseWithBrokenOutput();
    failing = rel;
    runId = run.id;
    const after = await publish(app, team.manager, rel.id);
    expect(after.status).toBe('approved');
    const [event] = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, rel.id), eq(auditEvents.action, 'release.publishing_failed')));
    expect(event.reason).toMatch(/independent verifier refused the microdata \(1 k-anonymity\)/);
    expect(await app.ctx.db.select().from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, rel.id))).toEqual([]);
    const jobs = await waitFor(async () => {
      const all = await app.ctx.db.select().from(jobRuns).where(and(eq(jobRuns.entityId, rel.id), like(jobRuns.jobId, 'publish-%')));
      return all.length === 5 && all.every((j) => j.status === 'failed') ? all : null;
    }, 15_000, 'the flow to be marked failed');
    expect(jobs.find((j) => j.jobId.endsWith('microdata_csv'))!.error).toMatch(/independent verifier/);
    expect(jobs.filter((j) => j.error?.startsWith('Stopped:'))).toHaveLength(4);
  }, 60_000);

  it('can be published again once its input is fixed', async () => {
    const [good] = await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.id, release.runId));
    await app.ctx.db.update(anonymizationRuns).set({ outputKey: good.outputKey, outputSha256: good.outputSha256, outputRows: good.outputRows }).where(eq(anonymizationRuns.id, runId));
    const after = await publish(app, team.manager, failing.id);
    expect(after.status).toBe('published');
    const kinds = (await app.ctx.db.select().from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, failing.id))).map((a) => a.kind).sort();
    expect(kinds).toEqual(['codebook_csv', 'codebook_pdf', 'manifest', 'microdata_csv', 'report_pdf']);
    await team.manager.post(`/api/releases/${failing.id}/actions/retract`, { reason: 'Test release' });
  }, 90_000);
});

describe('a retracted release', () => {
  it('answers 410 with the reason, and is listed as retracted without downloads', async () => {
    const reason = 'A partner withdrew its consent to publish';
    const retracted = await team.manager.post(`/api/releases/${release.id}/actions/retract`, { reason });
    expect(retracted.status).toBe(200);
    const anonymous = new ApiClient(app.baseUrl);
    const refused = await anonymous.get(artifactUrl(release.version, 'microdata_csv'));
    expect(refused.status).toBe(410);
    expect(refused.body.message).toBe(`Release ${release.version} was retracted: ${reason}`);
    const listed = (await anonymous.get('/api/public/releases')).body.find((r: { version: string }) => r.version === release.version);
    expect(listed).toMatchObject({ status: 'retracted', retracted: { reason }, artifacts: [] });
    expect((await releaseRow(app, release.id)).status).toBe('retracted');
    const html = (await download(app.baseUrl, '/api/public/releases.html')).bytes.toString('utf8');
    expect(html).toContain(`Retracted</strong>`);
    expect(html).not.toContain(artifactUrl(release.version, 'microdata_csv'));
  });
});
