import { finishPublication } from '../../server/services/publication/finish-publication';
import { removePublicationLeftovers } from '../../server/services/publication/remove-publication-leftovers';
import type { JobHandler } from '../runtime';
import { artifactDeps, jobMeta, publicationStep } from './publish-step';
import { jobStep } from '../../server/domain/job-steps';

/**
 * Parent of the publication flow: runs once every artifact is recorded; writes the manifest and
 * publishes, then removes what killed attempts of the flow left (the published release is intact
 * whatever that cleanup meets, so its failure is only logged).
 */
export const publishReleaseJob: JobHandler<'releases.publish'> = async ({ releaseId }, ctx) =>
  publicationStep(ctx, releaseId, ctx.job.id!, async () => {
    await ctx.progress(10, jobStep('writing_manifest'));
    const result = await finishPublication({ db: ctx.db, blobs: ctx.blobs }, releaseId, jobMeta(ctx));
    const leftovers = await removePublicationLeftovers(artifactDeps(ctx), releaseId).catch((err: Error) => {
      ctx.log.warn({ releaseId, err: err.message }, 'could not remove files left by earlier attempts of the publication');
      return null;
    });
    if (leftovers && (leftovers.files.length || leftovers.scratchDirs.length)) {
      ctx.log.info({ releaseId, files: leftovers.files.length, scratchDirs: leftovers.scratchDirs.length }, 'removed files left by earlier attempts of the publication');
    }
    await ctx.progress(100, jobStep('published'));
    return result;
  });
