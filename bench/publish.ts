/**
 * Benchmark: publishing a release of 1,000,000 records (quality.md: under 60 s) through the real
 * flow — microdata (shuffle + independent verification), codebook CSV and PDF, statistical report,
 * manifest — with BullMQ workers in this process, against a throw-away database.
 * Run: npx tsx bench/publish.ts [records]   (default 1000000; uses DATABASE_URL / REDIS_URL or the local services)
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { eq } from 'drizzle-orm';

const root = path.resolve(__dirname, '..');
const RECORDS = Number(process.argv[2] ?? 1_000_000);

function environment(): { base: string } {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    const res = spawnSync('node', [path.join(root, 'scripts/bootstrap.mjs'), 'services'], { encoding: 'utf8', env: { ...process.env } });
    for (const line of res.stdout.split('\n')) {
      const m = /^\[ctdc\] (DATABASE_URL|REDIS_URL)=(.*)$/.exec(line);
      if (m) process.env[m[1]] ??= m[2];
    }
    if (!process.env.DATABASE_URL) throw new Error(`Could not provision services:\n${res.stderr}`);
  }
  process.env.SESSION_SECRET ??= randomBytes(32).toString('hex');
  process.env.DATA_ENCRYPTION_KEY ??= randomBytes(32).toString('hex');
  process.env.DATA_DIR = path.join(root, '.data', `bench-publish-${process.pid}`);
  process.env.LOG_LEVEL ??= 'silent';
  process.env.QUEUE_PREFIX = `bench-${randomUUID().slice(0, 8)}`;
  return { base: process.env.DATABASE_URL };
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

/** CTDC-like records: skewed countries and years, many unknown ages, flags per exploitation type. */
async function syntheticRecords(standard: import('../server/domain/standard').StandardDefinition) {
  const { createRng } = await import('../server/domain/synthetic/prng');
  const { compileDerivations, getLayout } = await import('../server/domain/standard');
  const { buildCountryHierarchy, AGE_BANDS } = await import('../server/domain/anonymization');
  const layout = getLayout(standard);
  const derive = compileDerivations(standard);
  const countries = buildCountryHierarchy().rows.map((r) => r[0]).filter(Boolean).slice(0, 120);
  const zipf = (rng: { next(): number }, n: number) => Math.min(n - 1, Math.floor(Math.pow(rng.next(), 3) * n));
  const flags = (prefix: string) => standard.variables.filter((v) => v.kind === 'binary' && v.name.startsWith(prefix)).map((v) => layout.index(v.name));
  const groups = { moc: flags('meansOfControl'), labour: flags('typeOfLabour'), sex: flags('typeOfSex'), recruiter: flags('recruiterRelation') };
  const idx = (name: string) => layout.index(name);
  return function* records(seed: number): Generator<(string | null)[]> {
    const rng = createRng(seed);
    for (let i = 0; i < RECORDS; i++) {
      const v: (string | null)[] = new Array(standard.variables.length).fill(null);
      v[idx('yearOfRegistration')] = String(2024 - zipf(rng, 23));
      v[idx('Datasource')] = rng.chance(0.62) ? 'Case Management' : 'Hotline';
      v[idx('gender')] = rng.chance(0.02) ? null : rng.chance(0.7) ? 'Female' : rng.chance(0.97) ? 'Male' : 'Transgender/NonConforming';
      const band = rng.chance(0.34) ? null : AGE_BANDS[Math.floor(rng.next() * AGE_BANDS.length)];
      v[idx('ageBroad')] = band;
      v[idx('majorityStatus')] = band === null ? 'Unknown' : band === '0--8' || band === '9--17' ? 'Minor' : 'Adult';
      v[idx('citizenship')] = rng.chance(0.05) ? null : countries[zipf(rng, countries.length)];
      v[idx('CountryOfExploitation')] = rng.chance(0.05) ? null : countries[zipf(rng, 80)];
      const labour = rng.chance(0.45);
      const sexual = rng.chance(labour ? 0.1 : 0.8);
      v[idx('isForcedLabour')] = labour ? '1' : '0';
      v[idx('isSexualExploit')] = sexual ? '1' : '0';
      v[idx('isSexAndLabour')] = labour && sexual ? '1' : '0';
      v[idx('isOtherExploit')] = !labour && !sexual ? '1' : '0';
      // Like case files: a group is recorded or not; when it is, one to three flags, the common ones most often.
      const pick = (group: number[], known: boolean, most: number) => {
        for (const f of group) v[f] = known ? '0' : null;
        if (known) for (let n = 1 + Math.floor(rng.next() * most); n > 0; n--) v[group[zipf(rng, group.length)]] = '1';
      };
      pick(groups.moc, rng.chance(0.6), 3);
      pick(groups.labour, labour, 1);
      pick(groups.sex, sexual, 2);
      pick(groups.recruiter, rng.chance(0.3), 1);
      derive(v);
      yield v;
    }
  };
}

/** The approved run's output as the anonymization job would store it: the engine's labels, record order. */
async function runOutput(blobs: import('../server/storage/blob-store').BlobStore) {
  const { anonymize, DatasetBuilder, defaultPolicy } = await import('../server/domain/anonymization');
  const { CTDC_K_V7, getLayout, publishedColumns } = await import('../server/domain/standard');
  const records = await syntheticRecords(CTDC_K_V7);
  const policy = defaultPolicy({ from: 2002, to: 2024 });
  const layout = getLayout(CTDC_K_V7);
  const qiIndex = policy.qis.map((qi) => layout.index(qi));
  const builder = new DatasetBuilder({ columns: policy.qis });
  for (const r of records(1)) builder.add(qiIndex.map((i) => r[i]), r[0] === null ? 'a' : Number(r[0]) % 2 ? 'p1' : 'p2');
  const result = anonymize(builder.build(), policy);
  const columns = publishedColumns(CTDC_K_V7);
  function* lines() {
    let batch = `${columns.join(',')}\n`;
    let i = 0;
    for (const r of records(1)) {
      const labels = result.output.labelsOf(i++);
      if (!labels) continue;
      qiIndex.forEach((c, q) => { r[c] = labels[q]; });
      batch += `${r.map((x) => x ?? '').join(',')}\n`;
      if (batch.length > 1 << 20) { yield Buffer.from(batch); batch = ''; }
    }
    yield Buffer.from(batch);
  }
  const stored = await blobs.put('bench', Readable.from(lines()));
  return { policy, measures: result.measures, stored, rows: result.measures.records.kept };
}

async function main() {
  const { base } = environment();
  const dbName = `ctdc_bench_${Date.now()}`;
  await withClient(base, (c) => c.query(`CREATE DATABASE "${dbName}"`));
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  process.env.DATABASE_URL = url.toString();
  const { runMigrations } = await import('../db/migrate');
  const { loadConfig } = await import('../server/config');
  const cfg = loadConfig();
  await runMigrations(cfg);
  const { buildContext } = await import('../server/build-context');
  const built = buildContext(cfg);
  const { ctx } = built;
  const schema = await import('../db/schema');
  try {
    const t0 = performance.now();
    const run = await runOutput(ctx.blobs);
    console.log(`set-up: ${RECORDS.toLocaleString('en-US')} records anonymized and stored in ${((performance.now() - t0) / 1000).toFixed(1)} s (${run.rows.toLocaleString('en-US')} kept)`);

    const partners = await ctx.db.insert(schema.partners).values(['Bench Hotline', 'Bench Shelter'].map((name, i) => ({ name, shortCode: `B${i}`, type: 'ngo' as const, dataSource: 'Hotline' as const, cadence: 'quarterly' as const, status: 'active' as const }))).returning();
    await ctx.db.insert(schema.agreements).values(partners.map((p) => ({ partnerId: p.id, version: 1, effectiveDate: '2026-01-01', expiryDate: '2030-01-01', attribution: `Data of ${p.name}.`, status: 'signed' as const })));
    const subs = await ctx.db.insert(schema.submissions).values(partners.map((p) => ({ partnerId: p.id, status: 'harmonized' as const, originalName: 'bench.csv', size: 1, sha256: 'x' }))).returning();
    const [policyRow] = await ctx.db.insert(schema.anonymizationPolicies).values({ name: 'bench', version: 1, policy: run.policy }).returning();
    const [release] = await ctx.db.insert(schema.releases).values({ version: '2099.1', title: 'Benchmark release', standardId: 'ctdc-k-v7', status: 'approved' }).returning();
    await ctx.db.insert(schema.releaseSubmissions).values(subs.map((s) => ({ releaseId: release.id, submissionId: s.id })));
    const [runRow] = await ctx.db.insert(schema.anonymizationRuns).values({
      releaseId: release.id, status: 'approved', policyId: policyRow.id, policySnapshot: run.policy, measures: run.measures as never,
      outputKey: run.stored.key, outputSha256: run.stored.sha256, outputRows: run.rows, decidedAt: new Date('2026-01-01'),
    }).returning();
    await ctx.db.update(schema.releases).set({ approvedRunId: runRow.id }).where(eq(schema.releases.id, release.id));

    const { redisConnection } = await import('../workers/queues/connection');
    const { startWorkerPool } = await import('../workers/worker-pool');
    const { HANDLERS } = await import('../workers/jobs');
    const { logger } = await import('../server/logger');
    const connection = redisConnection(cfg.REDIS_URL, 'worker');
    const pool = await startWorkerPool({ connection, prefix: cfg.QUEUE_PREFIX, handlers: HANDLERS, concurrency: 2, deps: { db: ctx.db, pool: built.database.pool, cfg, blobs: ctx.blobs, jobs: ctx.jobs, log: logger } });
    const { transitionRelease } = await import('../server/services/releases/release-workflow');
    const { enqueuePublication } = await import('../server/services/publication/enqueue-publication');
    const manager = { id: null, name: 'bench', roles: ['release_manager' as const], partnerId: null };

    const loadBefore = os.loadavg()[0];
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 100);
    const started = performance.now();
    const published = await transitionRelease(ctx.db, manager, {}, release.id, 'publish');
    await enqueuePublication(ctx.jobs, release.id, String(published.auditEventId));
    let status = 'publishing';
    while (status === 'publishing') {
      await new Promise((r) => setTimeout(r, 100));
      [{ status }] = await ctx.db.select({ status: schema.releases.status }).from(schema.releases).where(eq(schema.releases.id, release.id));
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    // The release is published inside the last job, just before that job's row is closed.
    let jobs = await ctx.db.select().from(schema.jobRuns).where(eq(schema.jobRuns.entityId, release.id));
    for (let tries = 0; tries < 50 && jobs.some((j) => !j.finishedAt); tries++) {
      await new Promise((r) => setTimeout(r, 100));
      jobs = await ctx.db.select().from(schema.jobRuns).where(eq(schema.jobRuns.entityId, release.id));
    }
    const artifacts = await ctx.db.select().from(schema.releaseArtifacts).where(eq(schema.releaseArtifacts.releaseId, release.id));
    await pool.close();
    connection.disconnect();
    // BENCH_ARTIFACTS_DIR=<dir> keeps the published files for a look.
    const keep = process.env.BENCH_ARTIFACTS_DIR;
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      for (const a of artifacts) await pipeline(ctx.blobs.open(a.storageKey), fs.createWriteStream(path.join(keep, a.filename)));
    }
    if (status !== 'published') throw new Error(`publication ended ${status}: ${jobs.map((j) => j.error).filter(Boolean).join('; ')}`);

    const stepOf = (j: (typeof jobs)[number]) => (j.name === 'releases.publish' ? 'manifest + publish' : String((j.result as { kind?: string })?.kind ?? j.jobId));
    const steps = jobs.map((j) => ({ step: stepOf(j), s: ((j.finishedAt ?? new Date()).getTime() - j.startedAt!.getTime()) / 1000 }));
    const size = (kind: string) => `${(artifacts.find((a) => a.kind === kind)!.size / 1e6).toFixed(1)} MB`;
    const figures = { records: run.rows, seconds, peakRss: peakRss / 2 ** 20, baseRss: baseRss / 2 ** 20, steps, microdata: size('microdata_csv'), load: [loadBefore, os.loadavg()[0]] };
    console.log(JSON.stringify(figures, null, 2));
    writeBenchmarks(figures, RECORDS);
  } finally {
    await built.close();
    await withClient(base, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => undefined);
    fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
  }
}

/** Replaces (or adds) the "Publication" section of BENCHMARKS.md, leaving the others as they are. */
function writeBenchmarks(f: { records: number; seconds: number; peakRss: number; baseRss: number; steps: { step: string; s: number }[]; microdata: string; load: number[] }, input: number) {
  const file = path.join(root, 'BENCHMARKS.md');
  const cpu = os.cpus();
  const order = ['microdata_csv', 'codebook_csv', 'codebook_pdf', 'report_pdf', 'manifest + publish'];
  const steps = [...f.steps].sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step)).map((s) => `${s.step} ${s.s.toFixed(1)} s`).join(', ');
  const section = `## Publication

\`npx tsx bench/publish.ts\`, ${new Date().toISOString().slice(0, 10)}, ${cpu.length} cores (${cpu[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}.
The real flow with BullMQ workers in-process: the approved run's output (${input.toLocaleString('en-US')} synthetic CTDC-like records anonymized by the
engine at k = 11, 7 QIs) shuffled through seeded bucket files, verified by the independent verifier, stored encrypted; codebook CSV
and PDF and the six-page report counted from the stored microdata; manifest and the published transition. Target: under 60 s.
The machine is shared: its 1-minute load average was ${f.load[0].toFixed(1)} before the run and ${f.load[1].toFixed(1)} after.

| published records | publish (end to end) | per job | microdata CSV | peak RSS (process, incl. ${Math.round(f.baseRss)} MB before) |
|---|---|---|---|---|
| ${f.records.toLocaleString('en-US')} | ${f.seconds.toFixed(1)} s | ${steps} | ${f.microdata} | ${Math.round(f.peakRss)} MB |
`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const pattern = /## Publication\n[\s\S]*?(?=\n## |$)/;
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}`;
  fs.writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
