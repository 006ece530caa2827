import { asc, eq, inArray } from 'drizzle-orm';
import type { Pool } from 'pg';
import type { Db } from '../../../db/client';
import { anonymizationRuns, partners, releases, releaseSubmissions, submissions } from '../../../db/schema';
import { SYSTEM_ACTOR, type RequestMeta } from '../../auth/actor';
import { releaseClassCounts } from '../../domain/anonymization';
import { CTDC_K_V7, getStandard } from '../../domain/standard';
import { AppError } from '../../errors/app-error';
import type { Logger } from '../../logger';
import type { BlobStore, StoredBlob } from '../../storage/blob-store';
import { anonymizeReleaseRecords } from './anonymize-release-records';
import { validatePolicy } from './manage-policies';
import { differencingAgainst, previousPublishedRelease, storeClassCounts } from './release-differencing';
import { removeRunLeftovers, runFolder } from './remove-run-leftovers';
import type { RunMeasures } from './run-measures';
import { readableFailure, RunFailure } from './run-failure';
import { transitionRun, type RunRow } from './run-workflow';
import { jobStep, type StepText } from '../../domain/job-steps';

export interface RunDeps {
  db: Db;
  pool: Pool;
  blobs: BlobStore;
  log: Logger;
  meta: RequestMeta;
  progress(percent: number, step: StepText): Promise<void>;
  /** On the job's last attempt an unexpected error fails the run instead of leaving it running. */
  finalAttempt: boolean;
}

async function loadSubmissions(db: Db, releaseId: string) {
  const rows = await db.select({ id: submissions.id, partnerId: submissions.partnerId, status: submissions.status, recordCount: submissions.recordCount })
    .from(releaseSubmissions).innerJoin(submissions, eq(submissions.id, releaseSubmissions.submissionId))
    .where(eq(releaseSubmissions.releaseId, releaseId)).orderBy(asc(submissions.id));
  if (rows.length === 0) throw new RunFailure('The release has no submissions');
  const waiting = rows.filter((s) => s.status !== 'harmonized');
  if (waiting.length) throw new RunFailure(`${waiting.length} of the release's submissions are not harmonized (${waiting.map((s) => `${s.id} is ${s.status}`).join(', ')})`);
  return rows;
}

/** Produces the output and the figures; nothing is recorded on the run yet. */
async function produce(deps: RunDeps, run: RunRow, produced: StoredBlob[]) {
  const [release] = await deps.db.select().from(releases).where(eq(releases.id, run.releaseId));
  if (!release) throw new RunFailure('The run\'s release no longer exists');
  const standard = getStandard(release.standardId);
  if (standard !== CTDC_K_V7) throw new RunFailure(`Records of standard ${standard.id} have no table yet`);
  let policy;
  try {
    policy = validatePolicy(run.policySnapshot, standard);
  } catch (error) {
    throw new RunFailure(`The run's policy does not fit the standard: ${(error as Error).message}`);
  }
  const subs = await loadSubmissions(deps.db, release.id);
  const report = (percent: number, step: StepText) => void deps.progress(percent, step).catch(() => undefined);
  const { result, output, verification } = await anonymizeReleaseRecords({
    pool: deps.pool, blobs: deps.blobs, runId: run.id, standard, policy, submissions: subs,
    expectedRecords: subs.reduce((sum, s) => sum + (s.recordCount ?? 0), 0), progress: report,
  });
  produced.push(output);
  if (!verification.ok) throw new RunFailure(`The independent verifier refused the output: ${verification.problems.slice(0, 3).join('; ')}`);

  await deps.progress(93, jobStep('comparing_previous'));
  const counts = releaseClassCounts(result.output);
  const countsBlob = await storeClassCounts(deps.blobs, runFolder(run.id), counts);
  produced.push(countsBlob);
  const previous = await previousPublishedRelease(deps.db, release.id);
  const differencing = await differencingAgainst(deps.blobs, previous, { counts, policy, levels: result.levels! });
  const partnerIds = result.measures.suppressedByPartner.map((p) => p.key);
  const names = partnerIds.length ? await deps.db.select({ id: partners.id, name: partners.name }).from(partners).where(inArray(partners.id, partnerIds)) : [];
  const measures: RunMeasures = {
    ...result.measures,
    partners: names,
    output: { rows: output.rows, bytes: output.size, sha256: output.sha256 },
    verification: { ok: verification.ok, k: verification.report.k, l: verification.report.l, rows: verification.report.rows, classes: verification.report.classes, smallestClass: verification.report.smallestClass },
    differencing: differencing.summary,
  };
  return { measures, output, countsBlob, exposures: differencing.exposures };
}

/** Records the run's failure and its reason; a run that has already ended is left as it is. */
export async function failRun(deps: Pick<RunDeps, 'db' | 'log' | 'meta'>, runId: string, reason: string): Promise<void> {
  await transitionRun(deps.db, SYSTEM_ACTOR, deps.meta, runId, 'fail', {
    reason,
    async effect(tx) {
      await tx.update(anonymizationRuns).set({ failureReason: reason, completedAt: new Date() }).where(eq(anonymizationRuns.id, runId));
    },
  }).catch((error: Error) => {
    // Already ended: the job's own failure handling, or a second report of the same failure.
    if (error instanceof AppError && error.code === 'conflict') return;
    deps.log.warn({ runId, err: error.message }, 'could not record the run\'s failure');
  });
}

/** Files of killed or failed attempts, once the run has ended; a failure to remove them does not fail the job. */
async function removeLeftovers(deps: RunDeps, runId: string): Promise<void> {
  try {
    const removed = await removeRunLeftovers(deps, runId);
    if (removed.length) deps.log.info({ runId, files: removed.length }, 'removed files left by earlier attempts of the run');
  } catch (error) {
    deps.log.warn({ runId, err: (error as Error).message }, 'could not remove files left by earlier attempts of the run');
  }
}

/**
 * The `anonymization.run` job: queued → running → completed (or failed with a reason). Output and
 * class counts go to fresh blob keys and are recorded on the run only in the completing
 * transaction, so a retried or failed attempt leaves nothing half-done behind; once the run has
 * ended, the files of attempts killed on the way are removed.
 */
export async function runAnonymization(deps: RunDeps, runId: string): Promise<Record<string, unknown>> {
  const [run] = await deps.db.select().from(anonymizationRuns).where(eq(anonymizationRuns.id, runId));
  if (!run) throw new RunFailure('Anonymization run not found');
  if (run.status !== 'queued' && run.status !== 'running') {
    // A retry after the attempt that ended the run was killed before its cleanup.
    await removeLeftovers(deps, runId);
    return { skipped: `run is ${run.status}` };
  }
  if (run.status === 'queued') {
    await transitionRun(deps.db, SYSTEM_ACTOR, deps.meta, runId, 'start', {
      effect: async (tx) => { await tx.update(anonymizationRuns).set({ startedAt: new Date() }).where(eq(anonymizationRuns.id, runId)); },
    });
  }
  const produced: StoredBlob[] = [];
  try {
    const outcome = await produce(deps, run, produced);
    const { measures } = outcome;
    await deps.progress(97, jobStep('recording_outcome'));
    await transitionRun(deps.db, SYSTEM_ACTOR, deps.meta, runId, 'complete', {
      details: { recordsIn: measures.records.in, kept: measures.records.kept, suppressed: measures.records.suppressed, differencingExposures: outcome.exposures.length },
      async effect(tx) {
        await tx.update(anonymizationRuns).set({
          measures: measures as unknown as Record<string, unknown>,
          differencing: outcome.exposures as unknown as Record<string, unknown>[],
          outputKey: outcome.output.key, outputSha256: outcome.output.sha256, outputRows: outcome.output.rows,
          classCountsKey: outcome.countsBlob.key, failureReason: null, completedAt: new Date(),
        }).where(eq(anonymizationRuns.id, runId));
      },
    });
    deps.log.info({ runId, records: measures.records.in, kept: measures.records.kept, ms: measures.timing.totalMs }, 'anonymization run completed');
    await removeLeftovers(deps, runId);
    return { records: measures.records.in, kept: measures.records.kept, suppressed: measures.records.suppressed, outputRows: outcome.output.rows };
  } catch (error) {
    await Promise.all(produced.map((blob) => deps.blobs.delete(blob.key).catch(() => undefined)));
    const reason = readableFailure(error) ?? (deps.finalAttempt ? `Anonymization failed: ${(error as Error).message}` : null);
    if (reason === null) throw error;
    await failRun(deps, runId, reason);
    await removeLeftovers(deps, runId);
    throw error instanceof RunFailure ? error : new RunFailure(reason);
  }
}
