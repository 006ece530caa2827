import { z } from 'zod';

/**
 * Every job type, defined once: its queue, payload schema (ids only: BullMQ keeps payloads in
 * Redis in clear text, so no partner data ever goes in one), attempts and backoff. Handlers live
 * in workers/jobs/<job>.ts and are typed against this catalog; the API enqueues through it.
 */
export const QUEUES = ['ingest', 'anonymize', 'publish', 'reports', 'maintenance'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobDefinition<P extends z.ZodType> {
  queue: QueueName;
  payload: P;
  attempts: number;
  backoffMs: number;
  /** Shown in the jobs view. */
  title: string;
}

const define = <P extends z.ZodType>(d: JobDefinition<P>) => d;
const id = z.string().uuid();

export const JOB_CATALOG = {
  'audit.verify-chain': define({
    queue: 'maintenance', payload: z.object({}).strict(), attempts: 1, backoffMs: 0, title: 'Verify the audit chain',
  }),
  'sessions.purge-expired': define({
    queue: 'maintenance', payload: z.object({}).strict(), attempts: 3, backoffMs: 10_000, title: 'Purge expired sessions',
  }),
  'partners.agreement-sweep': define({
    queue: 'maintenance', payload: z.object({ asOf: z.string().date().optional() }).strict(), attempts: 5, backoffMs: 30_000,
    title: 'Agreement expiry warnings and suspensions',
  }),
  'submissions.profile': define({
    queue: 'ingest', payload: z.object({ submissionId: id }).strict(), attempts: 3, backoffMs: 5_000, title: 'Profile a partner file',
  }),
  'submissions.harmonize': define({
    queue: 'ingest', payload: z.object({ submissionId: id, mappingVersionId: id }).strict(), attempts: 3, backoffMs: 5_000,
    title: 'Harmonize a submission',
  }),
  'submissions.retention-sweep': define({
    queue: 'maintenance', payload: z.object({}).strict(), attempts: 3, backoffMs: 60_000, title: 'Delete raw files past retention',
  }),
  'anonymization.run': define({
    queue: 'anonymize', payload: z.object({ runId: id }).strict(), attempts: 3, backoffMs: 5_000, title: 'Anonymize a release',
  }),
  'releases.publish': define({
    queue: 'publish', payload: z.object({ releaseId: id }).strict(), attempts: 3, backoffMs: 5_000, title: 'Publish a release',
  }),
  'releases.artifact': define({
    queue: 'publish', payload: z.object({ releaseId: id, kind: z.enum(['microdata_csv', 'codebook_csv', 'codebook_pdf', 'report_pdf', 'manifest']) }).strict(),
    attempts: 3, backoffMs: 5_000, title: 'Build a release artifact',
  }),
  'reports.contribution': define({
    queue: 'reports', payload: z.object({ reportId: id }).strict(), attempts: 3, backoffMs: 10_000, title: 'Partner contribution report',
  }),
  'reports.quarterly-contributions': define({
    queue: 'reports', payload: z.object({}).strict(), attempts: 3, backoffMs: 60_000, title: 'Quarterly contribution reports',
  }),
  'jobs.self-test': define({
    queue: 'maintenance', payload: z.object({ failTimes: z.number().int().min(0).max(5), runId: id }).strict(), attempts: 3, backoffMs: 200,
    title: 'Job system self-test',
  }),
} as const;

export type JobName = keyof typeof JOB_CATALOG;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_CATALOG)[N]['payload']>;
