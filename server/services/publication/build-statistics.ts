import { Readable } from 'node:stream';
import { buildCodebook, buildReportFigures, codebookCsv, codebookFromRecords, CORRIDOR, MicrodataTally, privacyOfRun, readCsvBatches, renderCodebookPdf, renderStatisticalReport } from '../../domain/reports';
import { publishedColumns } from '../../domain/standard';
import { findArtifact, storeArtifact, type ArtifactRow } from './artifact-store';
import type { ArtifactDeps } from './build-microdata';
import { PublicationError, releaseContributors, type PublicationInputs } from './publication-inputs';
import { readVerifiedBlob } from './verified-blob';
import { jobStep } from '../../domain/job-steps';

/** Text of a recorded artifact of this release, checked against its SHA-256 as it is read. */
async function recorded(deps: ArtifactDeps, releaseId: string, kind: 'microdata_csv' | 'codebook_csv'): Promise<ArtifactRow> {
  const row = await findArtifact(deps.db, releaseId, kind);
  // The flow builds artifacts in order; a missing predecessor is a transient state worth a retry.
  if (!row) throw new Error(`The ${kind.replace('_', ' ')} of this release is not recorded yet`);
  return row;
}

/** One pass over the published microdata as recorded (never the harmonized records). */
export async function tallyPublishedMicrodata(deps: ArtifactDeps, inputs: PublicationInputs, from: number, to: number): Promise<MicrodataTally> {
  const row = await recorded(deps, inputs.release.id, 'microdata_csv');
  const columns = publishedColumns(inputs.standard);
  const tally = new MicrodataTally(columns, [CORRIDOR]);
  let header = true;
  let next = 50_000;
  for await (const batch of readCsvBatches(await readVerifiedBlob(deps.blobs, row.storageKey, row.sha256))) {
    for (const record of batch) {
      if (header) {
        if (record.join(',') !== columns.join(',')) throw new PublicationError('The recorded microdata does not have the standard header');
        header = false;
      } else tally.add(record);
    }
    if (tally.rows >= next) {
      next += 50_000;
      await deps.progress(from + ((to - from) * tally.rows) / Math.max(1, inputs.run.outputRows), jobStep('counting_microdata', { rows: tally.rows }));
    }
  }
  return tally;
}

export async function buildCodebookCsvArtifact(deps: ArtifactDeps, inputs: PublicationInputs): Promise<ArtifactRow> {
  const existing = await findArtifact(deps.db, inputs.release.id, 'codebook_csv');
  if (existing) return existing;
  const tally = await tallyPublishedMicrodata(deps, inputs, 5, 80);
  const text = codebookCsv(buildCodebook(inputs.standard, tally, inputs.policy.hierarchies));
  await deps.progress(90, jobStep('storing_codebook'));
  return storeArtifact(deps, inputs.release, 'codebook_csv', Readable.from([Buffer.from(text, 'utf8')]));
}

/** Rendered from the recorded codebook CSV, so both formats say exactly the same. */
export async function buildCodebookPdfArtifact(deps: ArtifactDeps, inputs: PublicationInputs): Promise<ArtifactRow> {
  const existing = await findArtifact(deps.db, inputs.release.id, 'codebook_pdf');
  if (existing) return existing;
  const csv = await recorded(deps, inputs.release.id, 'codebook_csv');
  const records: string[][] = [];
  for await (const batch of readCsvBatches(await readVerifiedBlob(deps.blobs, csv.storageKey, csv.sha256))) records.push(...batch);
  await deps.progress(40, jobStep('rendering_codebook_pdf'));
  const { release, standard } = inputs;
  const pdf = await renderCodebookPdf({ version: release.version, title: release.title, standardLabel: standard.versionLabel, createdAt: inputs.builtAt }, codebookFromRecords(records));
  await deps.progress(90, jobStep('storing_codebook_pdf'));
  return storeArtifact(deps, release, 'codebook_pdf', Readable.from([pdf]));
}

export async function buildReportArtifact(deps: ArtifactDeps, inputs: PublicationInputs): Promise<ArtifactRow> {
  const existing = await findArtifact(deps.db, inputs.release.id, 'report_pdf');
  if (existing) return existing;
  const tally = await tallyPublishedMicrodata(deps, inputs, 5, 70);
  const { release, standard, policy, run } = inputs;
  const figures = buildReportFigures(standard, tally, policy.k, policy.hierarchies);
  const privacy = privacyOfRun(standard, policy, run.measures, tally.rows);
  const contributors = (await releaseContributors(deps.db, release.id)).map((c) => c.name);
  await deps.progress(75, jobStep('drawing_report'));
  const pdf = await renderStatisticalReport({ version: release.version, title: release.title, standardLabel: standard.versionLabel, contributors, createdAt: inputs.builtAt }, figures, privacy);
  await deps.progress(90, jobStep('storing_report'));
  return storeArtifact(deps, release, 'report_pdf', Readable.from([pdf]));
}
