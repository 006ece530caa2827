import type { ArtifactKind } from '../../../db/schema';
import type { FlowNode, JobClient } from '../../../workers/queues/job-client';

/**
 * Artifacts in build order. The codebook and the report count the published microdata, and the
 * codebook PDF is rendered from the codebook CSV, so each waits for the one before it: the flow
 * is a chain of children under the publish job, which writes the manifest last.
 */
export const BUILD_ORDER: readonly Exclude<ArtifactKind, 'manifest'>[] = ['microdata_csv', 'codebook_csv', 'codebook_pdf', 'report_pdf'];

/** The flow id shared by every job of one publication attempt (job ids are `<flow>` and `<flow>-<kind>`). */
export const publicationFlowId = (releaseId: string, publishAttemptId: string) => `publish-${releaseId}-${publishAttemptId}`;

/**
 * Called by the release manager's `publish` action after the release moved approved → publishing.
 * Job ids derive from the publish attempt: a double call is one flow, and publishing again after a
 * failure is a fresh flow whose children skip the artifacts already recorded.
 */
export async function enqueuePublication(jobs: JobClient, releaseId: string, publishAttemptId: string): Promise<string> {
  const flow = publicationFlowId(releaseId, publishAttemptId);
  let chain: FlowNode | undefined;
  for (const kind of BUILD_ORDER) {
    chain = { name: 'releases.artifact', payload: { releaseId, kind }, jobId: `${flow}-${kind}`, children: chain ? [chain] : undefined };
  }
  return jobs.enqueueFlow(
    { name: 'releases.publish', payload: { releaseId }, jobId: flow, children: [chain!] },
    { entity: { type: 'release', id: releaseId } },
  );
}
