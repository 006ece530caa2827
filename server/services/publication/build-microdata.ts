import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { Db } from '../../../db/client';
import { publishedColumns } from '../../domain/standard';
import { ReleaseVerifier, type VerificationReport } from '../../domain/verifier';
import type { BlobStore } from '../../storage/blob-store';
import { withScratchDir } from '../../storage/scratch-dirs';
import { findArtifact, storeArtifact, type ArtifactRow } from './artifact-store';
import { PublicationError, type PublicationInputs } from './publication-inputs';
import { releaseScratchOwner } from './remove-publication-leftovers';
import { knownLabels, publishedValueCheck } from './published-values';
import { shuffleMicrodata } from './shuffle-microdata';
import { readVerifiedBlob } from './verified-blob';
import { jobStep, type StepText } from '../../domain/job-steps';

export interface ArtifactDeps {
  db: Db;
  blobs: BlobStore;
  /** Scratch space for temporary files (see storage/scratch-dirs). */
  tmpRoot: string;
  progress(percent: number, step: StepText): Promise<void>;
}

function refusal(report: VerificationReport): string {
  const counts = Object.entries(report.violationCounts).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`).join(', ');
  const first = report.violations.slice(0, 3).map((v) => v.message).join('; ');
  return `The independent verifier refused the microdata (${counts}): ${first}`;
}

/**
 * The run's output as published rows in a file: shuffled, every value checked, and every row fed
 * to the independent verifier (k on the policy's QIs, identifier-looking values, the run's row
 * count) exactly as its line is written; the shuffle only reorders those lines afterwards.
 */
export async function writeVerifiedMicrodata(deps: Pick<ArtifactDeps, 'blobs' | 'progress'>, inputs: PublicationInputs, dir: string): Promise<string> {
  const { run, policy, standard, release } = inputs;
  const columns = publishedColumns(standard);
  const input: Readable = run.outputSha256
    ? await readVerifiedBlob(deps.blobs, run.outputKey, run.outputSha256)
    : deps.blobs.open(run.outputKey);
  const verifier = new ReleaseVerifier({
    qis: policy.qis, k: policy.k, lDiversity: policy.lDiversity, expectedRows: run.outputRows, allowedValues: knownLabels(standard, policy),
  });
  verifier.checkColumns(columns);
  // One object, refilled per row: the verifier reads it and keeps nothing of it.
  const row: Record<string, string> = Object.fromEntries(columns.map((c) => [c, '']));
  const total = Math.max(1, run.outputRows);
  const shuffled = await shuffleMicrodata({
    input, columns, seed: release.id, expectedRows: run.outputRows, dir,
    isPublishable: publishedValueCheck(standard, policy),
    onRow(cells) {
      for (let c = 0; c < columns.length; c++) row[columns[c]] = cells[c];
      verifier.addRow(row);
    },
    onProgress: (rows, phase) => phase === 'bucketing'
      ? deps.progress(5 + (45 * rows) / total, jobStep('checking_rows', { rows }))
      : deps.progress(50 + (35 * rows) / total, jobStep('shuffling_rows', { rows })),
  });
  if (shuffled.rows !== run.outputRows) {
    throw new PublicationError(`The run output holds ${shuffled.rows} rows but the run recorded ${run.outputRows}; publication refused`);
  }
  const report = verifier.finish();
  if (!report.ok) throw new PublicationError(refusal(report));
  return shuffled.path;
}

/**
 * The microdata artifact (idempotent: an already recorded one is returned as is). Recorded only
 * once the file is complete and the independent verifier accepted it.
 */
export async function buildMicrodataArtifact(deps: ArtifactDeps, inputs: PublicationInputs): Promise<ArtifactRow> {
  const existing = await findArtifact(deps.db, inputs.release.id, 'microdata_csv');
  if (existing) return existing;
  // Named after the release: a retried build removes the unencrypted rows of a killed attempt first.
  return withScratchDir(deps.tmpRoot, releaseScratchOwner(inputs.release.id), async (dir) => {
    const file = await writeVerifiedMicrodata(deps, inputs, dir);
    await deps.progress(85, jobStep('storing_microdata'));
    return storeArtifact(deps, inputs.release, 'microdata_csv', fs.createReadStream(file));
  });
}
