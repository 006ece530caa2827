import type { ArtifactKind } from '../../db/schema';
import { buildMicrodataArtifact } from '../../server/services/publication/build-microdata';
import { buildCodebookCsvArtifact, buildCodebookPdfArtifact, buildReportArtifact } from '../../server/services/publication/build-statistics';
import { findArtifact } from '../../server/services/publication/artifact-store';
import { loadPublicationInputs, PublicationError } from '../../server/services/publication/publication-inputs';
import type { JobHandler } from '../runtime';
import { artifactDeps, flowIdOf, publicationStep } from './publish-step';
import { jobStep } from '../../server/domain/job-steps';

const BUILDERS = {
  microdata_csv: buildMicrodataArtifact,
  codebook_csv: buildCodebookCsvArtifact,
  codebook_pdf: buildCodebookPdfArtifact,
  report_pdf: buildReportArtifact,
} as const;

/**
 * One artifact of a publication flow. Retry-safe: it writes under a fresh key and records the row
 * only when the file is complete; a kind already recorded is left as it is.
 */
export const buildArtifactJob: JobHandler<'releases.artifact'> = async ({ releaseId, kind }, ctx) => {
  const flowId = flowIdOf(ctx.job.id!, kind);
  return publicationStep(ctx, releaseId, flowId, async () => {
    const existing = await findArtifact(ctx.db, releaseId, kind as ArtifactKind);
    if (existing) {
      await ctx.progress(100, jobStep('already_recorded'));
      return { kind, skipped: 'already recorded', sha256: existing.sha256 };
    }
    if (kind === 'manifest') throw new PublicationError('The manifest is written by the publish job itself');
    const inputs = await loadPublicationInputs(ctx.db, releaseId);
    await ctx.progress(2, jobStep('building_artifact', { artifact: kind }));
    const row = await BUILDERS[kind](artifactDeps(ctx), inputs);
    await ctx.progress(100, jobStep('recorded'));
    return { kind, filename: row.filename, size: row.size, sha256: row.sha256 };
  });
};
