import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { anonymizationRuns } from '../../../db/schema';
import type { BlobStore } from '../../storage/blob-store';

/** The blob folder of one run: its output and class counts, and whatever its attempts were writing. */
export const runFolder = (runId: string) => `anonymization/${runId}`;

/**
 * Once a run has ended (completed, decided or failed), nothing can be recorded on it any more, so
 * every file in its folder other than the output and class counts it records was left by an
 * attempt that was killed or failed: an unfinished output (`.partial`) or an unrecorded complete
 * one. While the run is queued or running nothing is removed, since an attempt may still record.
 */
export async function removeRunLeftovers(deps: { db: Db; blobs: BlobStore }, runId: string): Promise<string[]> {
  const [run] = await deps.db.select({ status: anonymizationRuns.status, outputKey: anonymizationRuns.outputKey, classCountsKey: anonymizationRuns.classCountsKey })
    .from(anonymizationRuns).where(eq(anonymizationRuns.id, runId));
  if (!run || run.status === 'queued' || run.status === 'running') return [];
  return deps.blobs.prune(runFolder(runId), [run.outputKey, run.classCountsKey].filter((key): key is string => key !== null));
}
