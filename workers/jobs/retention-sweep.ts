import { and, eq, isNotNull, lt } from 'drizzle-orm';
import { submissions } from '../../db/schema';
import { SYSTEM_ACTOR } from '../../server/auth/actor';
import { recordAuditEvent } from '../../server/audit/record-audit-event';
import { removeLeftoverBlobs } from '../../server/services/retention/leftover-blobs';
import { removeIdleScratchDirs, scratchRoot } from '../../server/storage/scratch-dirs';
import type { JobHandler } from '../runtime';

/**
 * Raw partner files are victims' personal data: once harmonized, they are kept only for the
 * configured retention period. The blob goes first; the row then records that it is gone.
 * Scratch folders no job has written to for an hour (unencrypted rows of a job whose worker died
 * and that was never retried) are removed too, and so are stored files no one will read (see
 * removeLeftoverBlobs).
 */
export const retentionSweepJob: JobHandler<'submissions.retention-sweep'> = async (_payload, ctx) => {
  const cutoff = new Date(Date.now() - ctx.cfg.RAW_RETENTION_DAYS * 86_400_000);
  const due = await ctx.db.select({ id: submissions.id, blobKey: submissions.blobKey }).from(submissions)
    .where(and(eq(submissions.status, 'harmonized'), isNotNull(submissions.blobKey), lt(submissions.harmonizedAt, cutoff)));
  for (const s of due) {
    await ctx.blobs.delete(s.blobKey!);
    await ctx.db.transaction(async (tx) => {
      await tx.update(submissions).set({ blobKey: null, rawDeletedAt: new Date() }).where(eq(submissions.id, s.id));
      await recordAuditEvent(tx, SYSTEM_ACTOR, { requestId: `job:${ctx.job.id}` }, {
        action: 'submission.raw_deleted', entityType: 'submission', entityId: s.id, details: { retentionDays: ctx.cfg.RAW_RETENTION_DAYS },
      });
    });
  }
  const scratch = await removeIdleScratchDirs(scratchRoot(ctx.cfg.dataDir));
  const leftovers = await removeLeftoverBlobs(ctx.db, ctx.blobs);
  if (leftovers.unfinished.length || leftovers.unrecorded.length) {
    ctx.log.info({ unfinished: leftovers.unfinished.length, unrecorded: leftovers.unrecorded.length }, 'removed stored files no one will read');
  }
  return { deleted: due.length, scratchDirsRemoved: scratch.length, unfinishedFilesRemoved: leftovers.unfinished.length, unrecordedFilesRemoved: leftovers.unrecorded.length };
};
