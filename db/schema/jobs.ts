import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const JOB_RUN_STATUSES = ['queued', 'active', 'retrying', 'completed', 'failed'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];
export const jobRunStatusEnum = pgEnum('job_run_status', JOB_RUN_STATUSES);

/** Mirror of each BullMQ job, for the UI and for history: state, progress and why it failed. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: text('job_id').notNull().unique(),
    queue: text('queue').notNull(),
    name: text('name').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    status: jobRunStatusEnum('status').notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    step: text('step'),
    attempts: integer('attempts').notNull().default(0),
    /** Times a worker died holding this job and another took it over (stalled jobs). */
    interruptions: integer('interruptions').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    error: text('error'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    requestedBy: uuid('requested_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('job_runs_entity_idx').on(t.entityType, t.entityId), index('job_runs_created_idx').on(t.createdAt)],
);
