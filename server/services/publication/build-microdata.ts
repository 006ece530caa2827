import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../../../db/client';
import { publishedColumns } from '../../domain/standard';
import { verifyCsvFile, type VerificationReport } from '../../domain/verifier';
import type { BlobStore } from '../../storage/blob-store';
import { findArtifact, storeArtifact, type ArtifactRow } from './artifact-store';
import { PublicationError, type PublicationInputs } from './publication-inputs';
import { knownLabels, publishedValueCheck } from './published-values';
import { shuffleMicrodata } from './shuffle-microdata';
import { readVerifiedBlob } from './verified-blob';

export interface ArtifactDeps {
  db: Db;
  blobs: BlobStore;
  /** Scratch space for temporary files (removed when done). */
  tmpRoot: string;
  progress(percent: number, step: string): Promise<void>;
}

function refusal(report: VerificationReport): string {
  const counts = Object.entries(report.violationCounts).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`).join(', ');
  const first = report.violations.slice(0, 3).map((v) => v.message).join('; ');
  return `The independent verifier refused the microdata (${counts}): ${first}`;
}

export async function withScratchDir<T>(root: string, fn: (dir: string) => Promise<T>): Promise<T> {
  await fs.promises.mkdir(root, { recursive: true });
  const dir = await fs.promises.mkdtemp(path.join(root, 'publish-'));
  try {
    return await fn(dir);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** The run's output as published rows in a file: shuffled, every value checked, verified independently. */
export async function writeVerifiedMicrodata(deps: Pick<ArtifactDeps, 'blobs' | 'progress'>, inputs: PublicationInputs, dir: string): Promise<string> {
  const { run, policy, standard, release } = inputs;
  const input: Readable = run.outputSha256
    ? await readVerifiedBlob(deps.blobs, run.outputKey, run.outputSha256)
    : deps.blobs.open(run.outputKey);
  const shuffled = await shuffleMicrodata({
    input, columns: publishedColumns(standard), seed: release.id, expectedRows: run.outputRows, dir,
    isPublishable: publishedValueCheck(standard, policy),
    onProgress: (rows) => deps.progress(5 + (55 * rows) / Math.max(1, run.outputRows), `Shuffling rows: ${rows.toLocaleString('en-US')}`),
  });
  if (shuffled.rows !== run.outputRows) {
    throw new PublicationError(`The run output holds ${shuffled.rows} rows but the run recorded ${run.outputRows}; publication refused`);
  }
  await deps.progress(62, 'Verifying k-anonymity, identifiers and row count');
  const report = await verifyCsvFile(shuffled.path, {
    qis: policy.qis, k: policy.k, lDiversity: policy.lDiversity, expectedRows: run.outputRows, allowedValues: knownLabels(standard, policy),
  });
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
  return withScratchDir(deps.tmpRoot, async (dir) => {
    const file = await writeVerifiedMicrodata(deps, inputs, dir);
    await deps.progress(85, 'Storing the microdata');
    return storeArtifact(deps, inputs.release, 'microdata_csv', fs.createReadStream(file));
  });
}
