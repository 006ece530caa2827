import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { anonymizationRuns, jobRuns, releaseArtifacts, type Role } from '../../db/schema';
import { buildCodebook, codebookCsv, MicrodataTally } from '../../server/domain/reports';
import { CTDC_K_V7, isValidValue, publishedColumns } from '../../server/domain/standard';
import { verifyRows } from '../../server/domain/verifier';
import { blobPrefix } from '../../server/services/publication/artifact-store';
import { enqueuePublication } from '../../server/services/publication/enqueue-publication';
import { writeVerifiedMicrodata } from '../../server/services/publication/build-microdata';
import { scratchRoot, withScratchDir } from '../../server/storage/scratch-dirs';
import type { PublicationInputs } from '../../server/services/publication/publication-inputs';
import { ApiClient, signedIn, startTestApp, waitFor, type TestApp } from '../support/harness';
import { contributingPartner, download, pdfPages, pdfText, publishedRelease, releaseRow, sha256, type ReleaseTeam } from '../support/releases';

const SPEC_COLUMNS = readFileSync(join(__dirname, '../../../shared/spec/ctdc-k-v7.columns'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const K = 11;

let app: TestApp;
let team: ReleaseTeam;
let release: { id: string; version: string; runId: string };
const files: Record<string, Buffer> = {};
let rows: Record<string, string>[];
let manifest: any;

beforeAll(async () => {
  app = await startTestApp();
  await app.startWorkers();
  ({ team, release } = await publishedRelease(app));
  for (const kind of ['microdata_csv', 'codebook_csv', 'codebook_pdf', 'report_pdf', 'manifest']) {
    const res = await download(app.baseUrl, `/api/public/releases/${release.version}/artifacts/${kind}`);
    if (res.status !== 200) throw new Error(`${kind}: ${res.status} ${res.bytes.toString()}`);
    files[kind] = res.bytes;
  }
  rows = parse(files.microdata_csv, { columns: true });
  manifest = JSON.parse(files.manifest.toString('utf8'));
}, 400_000);
afterAll(async () => {
  // The test database is shared by every test file: leave no published release behind for others' differencing checks.
  await team.manager.post(`/api/releases/${release.id}/actions/retract`, { reason: 'Test release' });
  await app.close();
});

const run = async () => (await app.ctx.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.id, release.runId)))[0];

describe('a published release', () => {
  it('was built by a flow of jobs, each visible with its progress, and published with date and citation', async () => {
    const jobs = await app.ctx.db.select().from(jobRuns).where(and(eq(jobRuns.entityType, 'release'), eq(jobRuns.entityId, release.id)));
    expect(jobs.map((j) => j.name).sort()).toEqual(['releases.artifact', 'releases.artifact', 'releases.artifact', 'releases.artifact', 'releases.publish']);
    expect(jobs.every((j) => j.status === 'completed' && j.progress === 100)).toBe(true);
    const row = await releaseRow(app, release.id);
    expect(row.publishedAt).not.toBeNull();
    expect(row.citation).toMatch(/^Counter-Trafficking Data Collaborative \(CTDC\)/);
    expect(row.citation).toContain('Hope & Shelter <Moldova>: Data courtesy of Hope & Shelter <Moldova>.');
    expect(row.citation).toContain('Global Case Network: Contains data from Global Case Network.');
  });

  it('publishes the microdata in the exact columns of ctdc-k-v7, with standard codes or hierarchy labels only', async () => {
    const header = files.microdata_csv.toString('utf8').split('\n')[0];
    expect(header.split(',')).toEqual(SPEC_COLUMNS);
    const { policySnapshot: policy, outputRows } = await run();
    expect(rows).toHaveLength(outputRows!);
    const labels = new Map(policy.qis.map((qi) => [qi, new Set(policy.hierarchies[qi].rows.flat())]));
    const bad = new Set<string>();
    for (const r of rows) {
      for (const [column, value] of Object.entries(r)) {
        if (value !== '' && !isValidValue(CTDC_K_V7, column, value) && !labels.get(column)?.has(value)) bad.add(column);
      }
    }
    expect([...bad]).toEqual([]);
  });

  it('shuffles the rows: same records as the run output, not in its order', async () => {
    const chunks: Buffer[] = [];
    for await (const c of app.ctx.blobs.open((await run()).outputKey!)) chunks.push(c as Buffer);
    const original = Buffer.concat(chunks).toString('utf8').split('\n').slice(1, -1);
    const published = files.microdata_csv.toString('utf8').split('\n').slice(1, -1);
    expect([...published].sort()).toEqual([...original].sort());
    const samePlace = published.filter((line, i) => line === original[i]).length;
    expect(samePlace / published.length).toBeLessThan(0.5);
  });

  it('passes the independent verifier: k on the QIs, no identifier-looking value, the manifest\'s row count', async () => {
    const { policySnapshot: policy } = await run();
    const report = verifyRows(rows, { qis: policy.qis, k: policy.k, expectedRows: manifest.release.records });
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.smallestClass).toBeGreaterThanOrEqual(K);
  });

  it('has a manifest whose checksums and sizes match the files, with the citation and terms of use', async () => {
    expect(manifest.release).toMatchObject({ version: release.version, standard: { id: 'ctdc-k-v7' }, records: rows.length });
    expect(manifest.citation).toBe((await releaseRow(app, release.id)).citation);
    expect(manifest.termsOfUse).toMatch(/must not attempt to identify/);
    expect(manifest.privacy).toMatchObject({ k: K, quasiIdentifiers: expect.any(Array) });
    expect(manifest.artifacts.map((a: { kind: string }) => a.kind).sort()).toEqual(['codebook_csv', 'codebook_pdf', 'microdata_csv', 'report_pdf']);
    for (const a of manifest.artifacts) {
      expect({ kind: a.kind, sha256: sha256(files[a.kind]), size: files[a.kind].length }).toEqual({ kind: a.kind, sha256: a.sha256, size: a.size });
    }
    const [recorded] = await app.ctx.db.select().from(releaseArtifacts).where(and(eq(releaseArtifacts.releaseId, release.id), eq(releaseArtifacts.kind, 'manifest')));
    expect(recorded.sha256).toBe(sha256(files.manifest));
  });

  it('has a codebook of every variable with value and missing counts of the published microdata', () => {
    const book: Record<string, string>[] = parse(files.codebook_csv, { columns: true });
    expect([...new Set(book.map((b) => b.variable))]).toEqual(SPEC_COLUMNS);
    for (const entry of book) {
      const actual = rows.filter((r) => r[entry.variable] === entry.value).length;
      expect({ variable: entry.variable, value: entry.value, count: Number(entry.count) }).toEqual({ variable: entry.variable, value: entry.value, count: actual });
    }
    for (const column of SPEC_COLUMNS) {
      const listed = new Set(book.filter((b) => b.variable === column).map((b) => b.value));
      expect(rows.filter((r) => !listed.has(r[column]))).toHaveLength(0);
    }
    const generalized = book.filter((b) => b.value_kind === 'generalized' && Number(b.count) > 0);
    const qiValues = new Set(rows.flatMap((r) => Object.entries(r).filter(([c, v]) => v && !isValidValue(CTDC_K_V7, c, v)).map(([c, v]) => `${c}=${v}`)));
    expect(new Set(generalized.map((g) => `${g.variable}=${g.value}`))).toEqual(qiValues);
    expect(pdfText(files.codebook_pdf)).toContain('meansOfControlDebtBondage');
  });

  it('has a six-page statistical report holding the totals of the microdata and no count below k', () => {
    expect(pdfPages(files.report_pdf)).toBe(6);
    const pages = [1, 2, 3, 4, 5, 6].map((p) => pdfText(files.report_pdf, p));
    ['Totals', 'Who: victims identified', 'Exploitation', 'Where: citizenship', 'Completeness per variable', 'Privacy parameters']
      .forEach((heading, i) => expect(pages[i]).toContain(heading));
    const text = pages.join('\n');
    expect(text).toMatch(new RegExp(`Records published: ${rows.length.toLocaleString('en-US')}`));
    const females = rows.filter((r) => r.gender === 'Female').length;
    expect(females).toBeGreaterThanOrEqual(K);
    expect(text).toContain(`${females.toLocaleString('en-US')} (${((100 * females) / rows.length).toFixed(1)} %)`);
    const printed = [...text.matchAll(/(\d[\d,]*) \(\d+\.\d %/g)].map((m) => Number(m[1].replace(/,/g, '')));
    expect(printed.length).toBeGreaterThan(20);
    expect(printed.filter((n) => n > 0 && n < K)).toEqual([]);
    expect(text).toContain('k = 11');
  });

  it('gives byte-identical microdata and codebook when the same inputs are published again', async () => {
    const r = await run();
    const inputs: PublicationInputs = {
      release: await releaseRow(app, release.id), run: { ...r, outputKey: r.outputKey!, outputRows: r.outputRows! }, policy: r.policySnapshot, standard: CTDC_K_V7, builtAt: r.decidedAt!,
    };
    await withScratchDir(scratchRoot(app.ctx.cfg.dataDir), `verify-${release.id}`, async (dir) => {
      const file = await writeVerifiedMicrodata({ blobs: app.ctx.blobs, progress: async () => undefined }, inputs, dir);
      const again = readFileSync(file);
      expect(sha256(again)).toBe(sha256(files.microdata_csv));
      const records: string[][] = parse(again);
      const tally = new MicrodataTally(publishedColumns(CTDC_K_V7));
      records.slice(1).forEach((rec) => tally.add(rec));
      expect(sha256(codebookCsv(buildCodebook(CTDC_K_V7, tally, r.policySnapshot.hierarchies)))).toBe(sha256(files.codebook_csv));
    });
  });

  it('a doubled publication flow changes nothing: every job finds its artifact recorded', async () => {
    const before = await app.ctx.db.select().from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, release.id));
    const flow = await enqueuePublication(app.ctx.jobs, release.id, 'again');
    const parent = await waitFor(async () => {
      const [j] = await app.ctx.db.select().from(jobRuns).where(eq(jobRuns.jobId, flow));
      return j.status === 'completed' || j.status === 'failed' ? j : null;
    }, 30_000, 'the second flow');
    expect(parent.result).toMatchObject({ skipped: 'already published' });
    const after = await app.ctx.db.select().from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, release.id));
    expect(after.map((a) => a.storageKey).sort()).toEqual(before.map((a) => a.storageKey).sort());
  });

  it('a publish job that finds it published removes what killed attempts of its flow left, and nothing else', async () => {
    const folder = join(app.ctx.cfg.dataDir, 'blobs', blobPrefix(release.id));
    const root = scratchRoot(app.ctx.cfg.dataDir);
    // Left by workers killed mid-publication: an unfinished upload, a file stored but never recorded, a microdata build's rows.
    writeFileSync(join(folder, `${randomUUID()}.enc.partial`), 'unfinished');
    const unrecorded = await app.ctx.blobs.put(blobPrefix(release.id), Readable.from(['stored, never recorded']));
    const killedBuild = join(root, `publish-${release.id}.killed`);
    mkdirSync(killedBuild, { recursive: true });
    writeFileSync(join(killedBuild, 'bucket-0'), 'rows');
    // Another release's build, under way.
    const otherBuild = join(root, `publish-${randomUUID()}.running`);
    mkdirSync(otherBuild);
    writeFileSync(join(otherBuild, 'bucket-0'), 'rows');
    try {
      const flow = await enqueuePublication(app.ctx.jobs, release.id, 'cleanup');
      const parent = await waitFor(async () => {
        const [j] = await app.ctx.db.select().from(jobRuns).where(eq(jobRuns.jobId, flow));
        return j.status === 'completed' || j.status === 'failed' ? j : null;
      }, 30_000, 'the third flow');
      expect(parent.result).toMatchObject({ skipped: 'already published' });
      const recorded = await app.ctx.db.select().from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, release.id));
      expect(readdirSync(folder).sort()).toEqual(recorded.map((a) => `${basename(a.storageKey)}.enc`).sort());
      expect(await app.ctx.blobs.exists(unrecorded.key)).toBe(false);
      expect(existsSync(killedBuild)).toBe(false);
      expect(existsSync(join(otherBuild, 'bucket-0'))).toBe(true);
      for (const a of recorded) {
        const res = await download(app.baseUrl, `/api/public/releases/${release.version}/artifacts/${a.kind}`);
        expect({ kind: a.kind, status: res.status, sha256: sha256(res.bytes) }).toEqual({ kind: a.kind, status: 200, sha256: sha256(files[a.kind]) });
      }
    } finally {
      rmSync(otherBuild, { recursive: true, force: true });
    }
  });
});

describe('public access', () => {
  const anonymous = () => new ApiClient(app.baseUrl);

  it('lists the release and its files without a login', async () => {
    const list = await anonymous().get('/api/public/releases');
    expect(list.status).toBe(200);
    const mine = list.body.find((r: { version: string }) => r.version === release.version);
    expect(mine).toMatchObject({ status: 'published', retracted: null, records: rows.length, citation: expect.stringContaining('Hope & Shelter') });
    expect(mine.artifacts).toHaveLength(5);
    const one = await anonymous().get(`/api/public/releases/${release.version}`);
    expect(one.body.artifacts.find((a: { kind: string }) => a.kind === 'manifest').sha256).toBe(sha256(files.manifest));
    expect((await anonymous().get('/api/public/releases/1999.1')).status).toBe(404);
  });

  it('serves downloads with their type, file name and checksum', async () => {
    const res = await download(app.baseUrl, `/api/public/releases/${release.version}/artifacts/microdata_csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ctdc-${release.version}-microdata.csv"`);
    expect(res.headers.get('x-checksum-sha256')).toBe(sha256(res.bytes));
    expect((await download(app.baseUrl, `/api/public/releases/${release.version}/artifacts/report_pdf`)).headers.get('content-type')).toBe('application/pdf');
    expect((await download(app.baseUrl, `/api/public/releases/${release.version}/artifacts/nonsense`)).status).toBe(404);
  });

  it('renders a plain HTML page with links and citations, everything escaped', async () => {
    const res = await download(app.baseUrl, '/api/public/releases.html');
    const html = res.bytes.toString('utf8');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain(`/api/public/releases/${release.version}/artifacts/microdata_csv`);
    expect(html).toContain('Hope &amp; Shelter &lt;Moldova&gt;');
    expect(html).not.toContain('<Moldova>');
  });

  it('lets staff list and download artifacts of the release; partner users and strangers may not', async () => {
    const viewer = (await signedIn(app, ['viewer'])).client;
    const listed = await viewer.get(`/api/releases/${release.id}/artifacts`);
    expect(listed.body.map((a: { kind: string }) => a.kind).sort()).toEqual(['codebook_csv', 'codebook_pdf', 'manifest', 'microdata_csv', 'report_pdf']);
    const staff = await download(app.baseUrl, `/api/releases/${release.id}/artifacts/codebook_csv`, viewer.sessionCookie);
    expect(sha256(staff.bytes)).toBe(sha256(files.codebook_csv));
    const partnerUser = (await signedIn(app, ['partner_user' as Role], (await contributingPartner(app, 'Other org', 'x')).id)).client;
    expect((await partnerUser.get(`/api/releases/${release.id}/artifacts`)).status).toBe(403);
    expect((await anonymous().get(`/api/releases/${release.id}/artifacts`)).status).toBe(401);
  });
});
