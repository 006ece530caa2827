import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AnonymizationPolicy } from '../../server/domain/anonymization/policy';
import { users } from './auth';
import { releases } from './releases';

/** Disclosure-control policies, versioned: editing makes a new version; runs keep the exact one used. */
export const anonymizationPolicies = pgTable(
  'anonymization_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    description: text('description'),
    policy: jsonb('policy').$type<AnonymizationPolicy>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('anonymization_policies_name_version').on(t.name, t.version)],
);

export const RUN_STATUSES = ['queued', 'running', 'completed', 'approved', 'rejected', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const runStatusEnum = pgEnum('anonymization_run_status', RUN_STATUSES);

/** One anonymization of a release's combined harmonized records under one policy. */
export const anonymizationRuns = pgTable(
  'anonymization_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    releaseId: uuid('release_id').notNull().references(() => releases.id),
    status: runStatusEnum('status').notNull().default('queued'),
    policyId: uuid('policy_id').notNull().references(() => anonymizationPolicies.id),
    /** The policy exactly as used, whatever happens to the policy later. */
    policySnapshot: jsonb('policy_snapshot').$type<AnonymizationPolicy>().notNull(),
    startedBy: uuid('started_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    measures: jsonb('measures').$type<Record<string, unknown>>(),
    /** Differencing exposures against the previous published release. */
    differencing: jsonb('differencing').$type<Record<string, unknown>[]>(),
    differencingOverrideReason: text('differencing_override_reason'),
    differencingOverrideBy: uuid('differencing_override_by').references(() => users.id),
    /** The anonymized microdata (standard layout, kept records only), encrypted in the blob store. */
    outputKey: text('output_key'),
    outputSha256: text('output_sha256'),
    outputRows: bigint('output_rows', { mode: 'number' }),
    /** QI class counts of the output, for the next release's differencing check. */
    classCountsKey: text('class_counts_key'),
    failureReason: text('failure_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('anonymization_runs_release_idx').on(t.releaseId, t.createdAt)],
);
