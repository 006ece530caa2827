import { UnrecoverableError } from 'bullmq';
import { eq } from 'drizzle-orm';
import { submissions } from '../../db/schema';
import { SYSTEM_ACTOR } from '../../server/auth/actor';
import { profileSource } from '../../server/domain/profiling';
import { SourceFileError } from '../../server/domain/source-files';
import { readingThreads } from '../../server/domain/source-files/reading-threads';
import { transitionSubmission } from '../../server/services/submissions/submission-workflow';
import type { JobHandler } from '../runtime';
import { jobStep } from '../../server/domain/job-steps';

const meta = (jobId?: string) => ({ requestId: `job:${jobId}` });

/**
 * Profiles a received file: detects its format, encoding, delimiter and header, counts rows, and
 * profiles every column. A file that cannot be read fails the submission with the reader's message
 * (what and where), without retrying; only statistics of identifier columns are kept.
 */
export const profileSubmissionJob: JobHandler<'submissions.profile'> = async ({ submissionId }, ctx) => {
  const [submission] = await ctx.db.select().from(submissions).where(eq(submissions.id, submissionId));
  if (!submission) throw new UnrecoverableError('Submission not found');
  if (submission.status === 'received') {
    await transitionSubmission(ctx.db, SYSTEM_ACTOR, meta(ctx.job.id), submissionId, 'start_profiling');
  } else if (submission.status !== 'profiling') {
    return { skipped: `submission is ${submission.status}` };
  }
  if (!submission.blobKey) throw new UnrecoverableError('The raw file is no longer stored');
  await ctx.progress(1, jobStep('reading_file'));

  let profile;
  try {
    profile = await profileSource(ctx.blobs.open(submission.blobKey), {
      sizeLimit: ctx.cfg.UPLOAD_MAX_BYTES,
      totalBytes: submission.size,
      threads: readingThreads(submission.size, ctx.cfg.READING_THREADS),
      onProgress: (p) => ctx.progress(p.percent ?? 50, jobStep('profiling_rows', { rows: p.rowsRead })),
    });
  } catch (err) {
    if (err instanceof SourceFileError) {
      await transitionSubmission(ctx.db, SYSTEM_ACTOR, meta(ctx.job.id), submissionId, 'fail', {
        reason: err.message,
        async effect(tx) {
          await tx.update(submissions).set({ failureReason: err.message, failureDetails: { code: err.code, row: err.row ?? null, column: err.column ?? null } })
            .where(eq(submissions.id, submissionId));
        },
      });
      throw new UnrecoverableError(err.message);
    }
    throw err;
  }
  await transitionSubmission(ctx.db, SYSTEM_ACTOR, meta(ctx.job.id), submissionId, 'finish_profiling', {
    details: { rowCount: profile.rowCount, columns: profile.columns.length, identifierColumns: profile.columns.filter((c) => c.identifier).length },
    async effect(tx) {
      await tx.update(submissions).set({ profile, format: profile.format, profiledAt: new Date() }).where(eq(submissions.id, submissionId));
    },
  });
  return { rowCount: profile.rowCount, columns: profile.columns.length };
};
