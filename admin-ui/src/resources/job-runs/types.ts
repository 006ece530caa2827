import type { JobRunStatus } from '../../../../db/schema';

export type { JobRunStatus };

/** A row of `GET /api/job-runs` (dates as ISO strings). */
export interface JobRun {
  id: string;
  jobId: string;
  name: string;
  title: string;
  queue: string;
  status: JobRunStatus;
  progress: number;
  step: string | null;
  attempts: number;
  maxAttempts: number;
  error: string | null;
  result: Record<string, unknown> | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const RUNNING: readonly JobRunStatus[] = ['queued', 'active', 'retrying'];
export const JOB_STATUSES: readonly JobRunStatus[] = [...RUNNING, 'completed', 'failed'];

export const isRunning = (status: JobRunStatus | undefined) => !!status && RUNNING.includes(status);
