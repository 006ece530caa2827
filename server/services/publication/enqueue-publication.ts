import type { JobClient } from '../../../workers/queues/job-client';

/**
 * Called by the release manager's `publish` action after the release moved approved → publishing.
 * Enqueues the publication flow: one child job per artifact, then the parent writes the manifest
 * and publishes. Job ids derive from the publish attempt, so a double call is one flow and a retry
 * after a failure is a fresh one.
 */
export async function enqueuePublication(jobs: JobClient, releaseId: string, publishAttemptId: string): Promise<string> {
  return jobs.enqueue('releases.publish', { releaseId }, {
    jobId: `publish-${releaseId}-${publishAttemptId}`,
    entity: { type: 'release', id: releaseId },
  });
}
