import { UnrecoverableError } from 'bullmq';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, sql } from 'drizzle-orm';
import * as schema from '../../db/schema';
import { mappingVersions, partners, standardRecords, submissions } from '../../db/schema';
import { SYSTEM_ACTOR } from '../../server/auth/actor';
import { compileMapping, MappingCompileError } from '../../server/domain/mapping';
import { profileIdentifiers } from '../../server/domain/mapping/validate-mapping';
import { readingThreads, reviveSourceFileError } from '../../server/domain/source-files/reading-threads';
import type { FilePiece } from '../../server/domain/source-files/split-piece';
import type { HarmonizePiecesInit, HarmonizedPiece } from '../../server/services/submissions/harmonize-pieces';
import { OrderedPool } from '../../server/threads/ordered-pool';
import { openSourceFile, SourceFileError } from '../../server/domain/source-files';
import { CTDC_K_V7, getStandard } from '../../server/domain/standard';
import { performTransitionIn } from '../../server/workflow/engine';
import { openRecordCopy } from '../../server/services/submissions/copy-records';
import { submissionBinding, transitionSubmission } from '../../server/services/submissions/submission-workflow';
import type { JobContext, JobHandler } from '../runtime';
import { jobStep } from '../../server/domain/job-steps';

const meta = (ctx: JobContext) => ({ requestId: `job:${ctx.job.id}` });

async function failSubmission(ctx: JobContext, submissionId: string, message: string, details: Record<string, unknown>) {
  await transitionSubmission(ctx.db, SYSTEM_ACTOR, meta(ctx), submissionId, 'fail', {
    reason: message,
    async effect(tx) {
      await tx.update(submissions).set({ failureReason: message, failureDetails: details }).where(eq(submissions.id, submissionId));
    },
  });
  throw new UnrecoverableError(message);
}

/**
 * Applies the approved mapping to a profiled submission and loads standard records with COPY.
 * Everything happens in one transaction on one connection: the old records of the submission are
 * replaced, never duplicated, and a worker killed midway leaves nothing behind for its retry.
 */
export const harmonizeSubmissionJob: JobHandler<'submissions.harmonize'> = async ({ submissionId, mappingVersionId }, ctx) => {
  const [submission] = await ctx.db.select().from(submissions).where(eq(submissions.id, submissionId));
  if (!submission) throw new UnrecoverableError('Submission not found');
  if (submission.status === 'harmonized' && submission.mappingVersionId === mappingVersionId) return { skipped: 'already harmonized' };
  if (submission.status !== 'harmonizing') return { skipped: `submission is ${submission.status}` };
  const [mapping] = await ctx.db.select().from(mappingVersions).where(eq(mappingVersions.id, mappingVersionId));
  if (!mapping) throw new UnrecoverableError('Mapping version not found');
  const standard = getStandard(mapping.standardId);
  if (standard !== CTDC_K_V7) throw new UnrecoverableError(`Records of standard ${standard.id} have no table yet`);
  if (!submission.blobKey) return failSubmission(ctx, submissionId, 'The raw file was deleted after its retention period; upload it again', {});

  await ctx.progress(1, jobStep('opening_file'));
  const expectedRows = submission.profile?.rowCount ?? 0;
  const client = await ctx.pool.connect();
  let outcome: { records: number; report: ReturnType<ReturnType<typeof compileMapping>['report']> } | undefined;
  let reading: OrderedPool<HarmonizePiecesInit, FilePiece, HarmonizedPiece> | undefined;
  try {
    const file = await openSourceFile(ctx.blobs.open(submission.blobKey), { sizeLimit: ctx.cfg.UPLOAD_MAX_BYTES, totalBytes: submission.size });
    const profile = submission.profile ?? undefined;
    // Compiled here first: a mapping that does not fit the file fails before any thread starts.
    // Its counts are the sum of the pieces', mapped here or on reading threads.
    const compiled = compileMapping(mapping.spec, file.header, standard, { profile });
    const pieces = (reading = new OrderedPool({
      entry: require.resolve('../../server/services/submissions/harmonize-pieces'),
      init: {
        layout: file.layout, header: file.header, spec: mapping.spec, standardId: standard.id,
        identifierColumns: [...profileIdentifiers(profile).keys()], submissionId, partnerId: submission.partnerId,
      },
      threads: readingThreads(submission.size, ctx.cfg.READING_THREADS),
      reviveError: reviveSourceFileError,
    }));
    const db = drizzle(client, { schema });
    await db.transaction(async (tx) => {
      await tx.delete(standardRecords).where(eq(standardRecords.submissionId, submissionId));
      const copy = await openRecordCopy(client, standard, submissionId, submission.partnerId);
      let rows = 0;
      try {
        let reportAt = 20_000;
        for await (const piece of pieces.map(file.pieces())) {
          const full = copy.writeLines(Buffer.from(piece.lines.buffer, piece.lines.byteOffset, piece.lines.byteLength), piece.records);
          compiled.absorb(piece.report);
          rows += piece.records;
          if (full) await full;
          if (rows >= reportAt) {
            reportAt = rows + 20_000;
            await ctx.progress(expectedRows ? (rows / expectedRows) * 95 : 50, jobStep('harmonizing_records', { records: rows }));
          }
        }
      } catch (err) {
        copy.abort(err as Error);
        throw err;
      }
      const records = await copy.finish();
      const report = compiled.report();
      await ctx.progress(97, jobStep('recording_outcome'));
      await performTransitionIn(tx, submissionBinding, {
        id: submissionId, action: 'finish_harmonization', actor: SYSTEM_ACTOR, meta: meta(ctx),
        details: { records, mappingVersionId, mappingVersion: mapping.version },
        async effect(t) {
          await t.update(submissions).set({ recordCount: records, harmonizationReport: report as unknown as Record<string, unknown>, harmonizedAt: new Date() })
            .where(eq(submissions.id, submissionId));
          await t.update(partners).set({ lastContributionAt: sql`now()` }).where(eq(partners.id, submission.partnerId));
        },
      });
      outcome = { records, report };
    });
  } catch (err) {
    if (err instanceof SourceFileError) {
      return failSubmission(ctx, submissionId, err.message, { code: err.code, row: err.row ?? null, column: err.column ?? null });
    }
    if (err instanceof MappingCompileError) {
      return failSubmission(ctx, submissionId, err.message, { issues: err.issues.map((i) => ({ code: i.code, column: i.column, variable: i.variable })) });
    }
    throw err;
  } finally {
    await reading?.close();
    client.release();
  }
  return { records: outcome!.records, unmappedColumns: outcome!.report.unmappedColumns.length };
};
