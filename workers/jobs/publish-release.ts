import { finishPublication } from '../../server/services/publication/finish-publication';
import type { JobHandler } from '../runtime';
import { jobMeta, publicationStep } from './publish-step';

/** Parent of the publication flow: runs once every artifact is recorded; writes the manifest and publishes. */
export const publishReleaseJob: JobHandler<'releases.publish'> = async ({ releaseId }, ctx) =>
  publicationStep(ctx, releaseId, ctx.job.id!, async () => {
    await ctx.progress(10, 'Writing the manifest');
    const result = await finishPublication({ db: ctx.db, blobs: ctx.blobs }, releaseId, jobMeta(ctx));
    await ctx.progress(100, 'Published');
    return result;
  });
