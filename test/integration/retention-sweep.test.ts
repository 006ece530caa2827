import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents, jobRuns, reports, submissions } from '../../db/schema';
import { startTestApp, waitFor, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';

/**
 * The daily retention sweep, run by the workers: raw partner files go RAW_RETENTION_DAYS after
 * harmonization, and stored files no one will ever read go once idle for an hour.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RAW_RETENTION_DAYS: 30 });
  await app.startWorkers();
});
afterAll(async () => { await app.close(); });

const DAY = 86_400_000;
const blobFile = (key: string, partial = false) => path.join(app.ctx.cfg.dataDir, 'blobs', `${key}.enc${partial ? '.partial' : ''}`);
const age = (file: string, hours: number) => {
  const t = new Date(Date.now() - hours * 3_600_000);
  fs.utimesSync(file, t, t);
};
const store = (prefix: string, text: string) => app.ctx.blobs.put(prefix, Readable.from([Buffer.from(text)]));

async function runSweep() {
  const jobId = await app.ctx.jobs.enqueue('submissions.retention-sweep', {}, { jobId: `retention-${Date.now()}` });
  return waitFor(async () => {
    const [run] = await app.ctx.db.select().from(jobRuns).where(eq(jobRuns.jobId, jobId));
    return run?.status === 'completed' ? run : null;
  }, 20_000, 'the retention sweep');
}

it('deletes raw files harmonized more than RAW_RETENTION_DAYS ago, records it and audits it, and keeps the others', async () => {
  const partner = await insertPartner(app.ctx, 'active');
  const submission = async (status: 'harmonized' | 'profiled', harmonizedDaysAgo: number | null) => {
    const blob = await store(`submissions/${partner.id}`, `raw partner file ${status} ${harmonizedDaysAgo}`);
    const [row] = await app.ctx.db.insert(submissions).values({
      partnerId: partner.id, status, originalName: 'cases.csv', size: blob.size, sha256: blob.sha256, blobKey: blob.key,
      harmonizedAt: harmonizedDaysAgo === null ? null : new Date(Date.now() - harmonizedDaysAgo * DAY),
    }).returning();
    return row;
  };
  const due = await submission('harmonized', 31);
  const recent = await submission('harmonized', 29);
  const notHarmonized = await submission('profiled', null);

  await runSweep();

  const rows = new Map((await app.ctx.db.select().from(submissions).where(inArray(submissions.id, [due.id, recent.id, notHarmonized.id]))).map((r) => [r.id, r]));
  expect(rows.get(due.id)).toMatchObject({ blobKey: null, rawDeletedAt: expect.any(Date) });
  expect(fs.existsSync(blobFile(due.blobKey!))).toBe(false);
  for (const kept of [recent, notHarmonized]) {
    expect(rows.get(kept.id)).toMatchObject({ blobKey: kept.blobKey, rawDeletedAt: null });
    expect(await app.ctx.blobs.sha256(kept.blobKey!)).toBe(kept.sha256);
  }
  const events = await app.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'submission.raw_deleted'), inArray(auditEvents.entityId, [due.id, recent.id, notHarmonized.id])));
  expect(events.map((e) => [e.entityId, e.actorName, e.details])).toEqual([[due.id, 'system', { retentionDays: 30 }]]);
});

it('removes unfinished writes, and uploads or reports no row records, once idle for an hour; nothing recorded, recent or of other kinds', async () => {
  const partner = await insertPartner(app.ctx, 'active');
  // A raw file, an agreement document and a contribution report stored by a process killed before it recorded them.
  const unrecordedRaw = await store(`submissions/${partner.id}`, 'raw partner file, never recorded');
  const unrecordedAgreement = await store('agreements', '%PDF- never recorded');
  const unrecordedReport = await store(`reports/${partner.id}`, '%PDF- report never recorded');
  // A recorded report stored long ago.
  const recordedReport = await store(`reports/${partner.id}`, '%PDF- report');
  await app.ctx.db.insert(reports).values({ kind: 'contribution', partnerId: partner.id, status: 'completed', storageKey: recordedReport.key, size: recordedReport.size, sha256: recordedReport.sha256 });
  // The same, stored moments ago: their upload may still be recording them.
  const justStored = await store(`submissions/${partner.id}`, 'raw partner file being recorded');
  // A recorded raw file stored long ago.
  const recordedBlob = await store(`submissions/${partner.id}`, 'raw partner file, recorded');
  await app.ctx.db.insert(submissions).values({ partnerId: partner.id, status: 'profiled', originalName: 'kept.csv', size: recordedBlob.size, sha256: recordedBlob.sha256, blobKey: recordedBlob.key });
  // Another kind of stored file, not recorded: its job's own retry clears those, not this sweep.
  const artifact = await store(`releases/${partner.id}`, 'an artifact');
  // Unfinished writes: one whose writer died two hours ago, one being written now.
  const deadWrite = blobFile(`reports/${partner.id}/dead-writer`, true);
  const liveWrite = blobFile(`submissions/${partner.id}/live-writer`, true);
  for (const file of [deadWrite, liveWrite]) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'encrypted bytes so far');
  }
  for (const blob of [unrecordedRaw, unrecordedAgreement, unrecordedReport, recordedBlob, recordedReport, artifact]) age(blobFile(blob.key), 2);
  age(deadWrite, 2);

  const run = await runSweep();

  for (const gone of [unrecordedRaw, unrecordedAgreement, unrecordedReport]) expect(await app.ctx.blobs.exists(gone.key)).toBe(false);
  expect(fs.existsSync(deadWrite)).toBe(false);
  for (const kept of [justStored, recordedBlob, recordedReport, artifact]) expect(await app.ctx.blobs.exists(kept.key)).toBe(true);
  expect(fs.existsSync(liveWrite)).toBe(true);
  expect(run.result).toMatchObject({ unfinishedFilesRemoved: expect.any(Number), unrecordedFilesRemoved: expect.any(Number) });
  const result = run.result as { unfinishedFilesRemoved: number; unrecordedFilesRemoved: number };
  expect(result.unfinishedFilesRemoved).toBeGreaterThanOrEqual(1);
  expect(result.unrecordedFilesRemoved).toBeGreaterThanOrEqual(3);
});
