import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { mappingVersions, partners, submissions, users } from '../db/schema';
import { getPartnerProfile, writePartnerFile } from '../server/domain/synthetic';
import { createMappingDraft } from '../server/services/mappings/manage-mappings';
import { receiveSubmission } from '../server/services/submissions/receive-submission';
import { actOnSubmission } from '../server/services/submissions/submission-actions';
import { backendsCpu, benchEnvironment, machine, mainThreadCpu, mb, memorySampler } from './support/bench-env';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function waitStatus(db: Awaited<ReturnType<typeof benchEnvironment>>['ctx']['db'], id: string, status: string) {
  for (;;) {
    const [s] = await db.select().from(submissions).where(eq(submissions.id, id));
    if (s.status === status) return s;
    if (s.status === 'failed') throw new Error(`submission failed: ${s.failureReason}`);
    // Polled often: a phase's end is seen within 25 ms, not up to 200 ms late.
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Upload → profile → harmonize of a generated hotline file, against a bare COPY of the same file
 * into an unlogged table of text columns (what PostgreSQL alone can do with it).
 */
export async function benchHarmonize(rows = arg('rows', 1_000_000)) {
  const env = await benchEnvironment('harmonize');
  const file = path.join(os.tmpdir(), `ctdc-bench-hotline-${rows}.csv`);
  if (!fs.existsSync(file)) await writePartnerFile(file, { profile: 'hotline', rows, seed: 42 });
  const bytes = fs.statSync(file).size;
  const profile = getPartnerProfile('hotline');

  // The baseline: COPY of the raw file.
  const client = new Client({ connectionString: env.cfg.DATABASE_URL });
  await client.connect();
  await client.query(`CREATE UNLOGGED TABLE bench_copy (${profile.columns.map((_, i) => `c${i} text`).join(', ')})`);
  let t = Date.now();
  await pipeline(fs.createReadStream(file), client.query(copyFrom('COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)')));
  const copySeconds = (Date.now() - t) / 1000;
  await client.query('DROP TABLE bench_copy');
  await client.end();

  const pool = await env.startWorkers();
  const [partner] = await env.ctx.db.insert(partners).values({ name: 'Bench hotline', shortCode: `BENCH-${Date.now() % 100000}`, type: 'hotline', dataSource: 'Hotline', cadence: 'monthly', status: 'active' }).returning();
  const [steward] = await env.ctx.db.insert(users).values({ email: `bench-${Date.now()}@ctdc.org`, name: 'Bench steward', roles: ['data_steward'], passwordHash: 'x' }).returning();
  const actor = { id: steward.id, name: steward.name, roles: steward.roles, partnerId: null };
  const meta = { requestId: 'bench' };

  // The mapping is written once against a small file of the same layout, as a steward would have.
  const sample = path.join(os.tmpdir(), 'ctdc-bench-hotline-sample.csv');
  await writePartnerFile(sample, { profile: 'hotline', rows: 5000, seed: 1 });
  const first = await receiveSubmission(env.ctx, actor, meta, partner.id, { filename: 'sample.csv', mimeType: 'text/csv', stream: fs.createReadStream(sample) });
  await waitStatus(env.ctx.db, first.id, 'profiled');
  const draft = await createMappingDraft(env.ctx.db, actor, meta, partner.id, { basedOnSubmissionId: first.id, start: 'suggestions' });
  await env.ctx.db.update(mappingVersions).set({ status: 'approved' }).where(eq(mappingVersions.id, draft.id));

  // CPU per phase: this process's main thread, the whole process (with worker threads), and the
  // database's backends, so a busy shared machine can be read through.
  const cpu = async () => ({ main: mainThreadCpu(), process: process.cpuUsage(), postgres: await backendsCpu(env.database.pool) });
  const since = async (before: Awaited<ReturnType<typeof cpu>>) => {
    const now = await cpu();
    const used = process.cpuUsage(before.process);
    return { main: (now.main - before.main) / 1000, process: (used.user + used.system) / 1e6, postgres: (now.postgres - before.postgres) / 1000 };
  };
  const memory = memorySampler();
  t = Date.now();
  let mark = await cpu();
  const sub = await receiveSubmission(env.ctx, actor, meta, partner.id, { filename: 'hotline.csv', mimeType: 'text/csv', stream: fs.createReadStream(file) });
  const uploaded = Date.now();
  const uploadPeak = memory.phase();
  const uploadCpu = await since(mark);
  mark = await cpu();
  await waitStatus(env.ctx.db, sub.id, 'profiled');
  const profiled = Date.now();
  const profilePeak = memory.phase();
  const profileCpu = await since(mark);
  mark = await cpu();
  await actOnSubmission(env.ctx, actor, meta, sub.id, 'harmonize');
  const done = await waitStatus(env.ctx.db, sub.id, 'harmonized');
  const end = Date.now();
  const harmonizePeak = memory.phase();
  const harmonizeCpu = await since(mark);
  const peak = memory.stop();
  await pool.close();
  await env.dispose();

  const total = (end - t) / 1000;
  const result = {
    rows, bytes, records: done.recordCount, copySeconds,
    uploadSeconds: (uploaded - t) / 1000, profileSeconds: (profiled - uploaded) / 1000, harmonizeSeconds: (end - profiled) / 1000,
    totalSeconds: total, harmonizeOnlyRatioToCopy: copySeconds / ((end - profiled) / 1000), ratioToCopy: copySeconds / total, peakRss: peak,
    peakRssByPhase: { upload: uploadPeak, profile: profilePeak, harmonize: harmonizePeak },
    cpu: { upload: uploadCpu, profile: profileCpu, harmonize: harmonizeCpu }, loadAverage: os.loadavg()[0],
  };
  const c = (x: typeof uploadCpu) => `main ${x.main.toFixed(1)}s / process ${x.process.toFixed(1)}s / PostgreSQL ${x.postgres.toFixed(1)}s`;
  console.log(`harmonize ${rows.toLocaleString('en')} rows (${mb(bytes)}): upload ${result.uploadSeconds}s, profile ${result.profileSeconds}s, harmonize ${result.harmonizeSeconds}s, total ${total}s; bare COPY ${copySeconds}s; peak RSS ${mb(peak)} (upload ${mb(uploadPeak)}, profile ${mb(profilePeak)}, harmonize ${mb(harmonizePeak)}) (${machine()})`);
  console.log(`  CPU: upload ${c(uploadCpu)}; profile ${c(profileCpu)}; harmonize ${c(harmonizeCpu)}; load average ${result.loadAverage.toFixed(1)}`);
  return result;
}

if (require.main === module) {
  benchHarmonize().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
}
