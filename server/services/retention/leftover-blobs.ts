import { isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { agreements, reports, submissions } from '../../../db/schema';
import type { BlobStore } from '../../storage/blob-store';

/** A blob nothing has written to for this long belongs to no running writer: a live one writes all the time. */
export const LEFTOVER_IDLE_MS = 3600 * 1000;

/**
 * Files stored before the row that names them is written, with that row's column: a process killed
 * (or a database failing) between the two leaves a stored file that no row names. Uploads (raw
 * partner files, agreement documents) and contribution reports; anonymization and publication
 * clear their own on the next attempt of their job.
 */
const STORED_THEN_RECORDED = [
  { prefix: 'submissions', recorded: (db: DbOrTx) => db.select({ key: submissions.blobKey }).from(submissions).where(isNotNull(submissions.blobKey)) },
  { prefix: 'agreements', recorded: (db: DbOrTx) => db.select({ key: agreements.documentKey }).from(agreements).where(isNotNull(agreements.documentKey)) },
  { prefix: 'reports', recorded: (db: DbOrTx) => db.select({ key: reports.storageKey }).from(reports).where(isNotNull(reports.storageKey)) },
];

/**
 * Removes the blobs no one will ever read, once idle for LEFTOVER_IDLE_MS: unfinished writes
 * (`.partial`) anywhere in the store, left by a writer that died, and files of STORED_THEN_RECORDED
 * that no row records. Raw partner files are victims' data: one left behind
 * would outlive the retention period. Returns the keys removed.
 */
export async function removeLeftoverBlobs(db: DbOrTx, blobs: BlobStore, now = Date.now()): Promise<{ unfinished: string[]; unrecorded: string[] }> {
  const idle = (modifiedAt: number) => now - modifiedAt > LEFTOVER_IDLE_MS;
  const unfinished: string[] = [];
  for (const entry of await blobs.list()) {
    if (!entry.partial || !idle(entry.modifiedAt)) continue;
    await blobs.remove(entry);
    unfinished.push(entry.key);
  }
  const unrecorded: string[] = [];
  for (const kind of STORED_THEN_RECORDED) {
    // Listed before the recorded keys are read: a file stored and recorded in between is then
    // either too fresh to be idle or already in the list of recorded keys.
    const stored = (await blobs.list(kind.prefix)).filter((e) => !e.partial && idle(e.modifiedAt));
    if (!stored.length) continue;
    const recorded = new Set((await kind.recorded(db)).map((r) => r.key));
    for (const entry of stored) {
      if (recorded.has(entry.key)) continue;
      await blobs.remove(entry);
      unrecorded.push(entry.key);
    }
  }
  return { unfinished, unrecorded };
}
