import { UnrecoverableError } from 'bullmq';
import { failPublication } from '../../server/services/publication/fail-publication';
import type { ArtifactDeps } from '../../server/services/publication/build-microdata';
import { PublicationError } from '../../server/services/publication/publication-inputs';
import { IntegrityError } from '../../server/services/publication/verified-blob';
import { scratchRoot } from '../../server/storage/scratch-dirs';
import type { JobContext } from '../runtime';

export const jobMeta = (ctx: JobContext) => ({ requestId: `job:${ctx.job.id}` });

/** An artifact job's id is its flow's id (the publish job's) followed by the artifact kind. */
export const flowIdOf = (artifactJobId: string, kind: string) => artifactJobId.replace(new RegExp(`-${kind}$`), '');

export const artifactDeps = (ctx: JobContext): ArtifactDeps => ({
  db: ctx.db, blobs: ctx.blobs, tmpRoot: scratchRoot(ctx.cfg.dataDir), progress: (p, s) => ctx.progress(p, s),
});

/**
 * Runs one job of a publication flow. Refusals (wrong state, failed verification, altered file)
 * are not retried; any failure on the last attempt sends the release back to approved with the
 * reason, since BullMQ then fails the rest of the flow without running it.
 */
export async function publicationStep<T>(ctx: JobContext, releaseId: string, flowId: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const permanent = err instanceof PublicationError || err instanceof IntegrityError || err instanceof UnrecoverableError;
    if (permanent || ctx.job.attemptsMade + 1 >= (ctx.job.opts.attempts ?? 1)) {
      await failPublication(ctx.db, releaseId, message, jobMeta(ctx), { flowId, currentJobId: ctx.job.id! });
    }
    throw permanent && !(err instanceof UnrecoverableError) ? new UnrecoverableError(message) : err;
  }
}
