import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FileProfile } from '../../server/domain/profiling/types';
import { users } from './auth';
import { partners } from './partners';

export const SUBMISSION_STATUSES = ['received', 'profiling', 'profiled', 'harmonizing', 'harmonized', 'failed', 'rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const submissionStatusEnum = pgEnum('submission_status', SUBMISSION_STATUSES);

/** One data delivery from one partner. The raw file is encrypted in the blob store until retention deletes it. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    status: submissionStatusEnum('status').notNull().default('received'),
    originalName: text('original_name').notNull(),
    format: text('format'),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** An earlier submission of the same partner with identical bytes. */
    duplicateOf: uuid('duplicate_of'),
    blobKey: text('blob_key'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    profile: jsonb('profile').$type<FileProfile>(),
    /** Readable reason when failed or rejected, with where (row, column) when it applies. */
    failureReason: text('failure_reason'),
    failureDetails: jsonb('failure_details').$type<Record<string, unknown>>(),
    mappingVersionId: uuid('mapping_version_id'),
    recordCount: integer('record_count'),
    harmonizationReport: jsonb('harmonization_report').$type<Record<string, unknown>>(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    profiledAt: timestamp('profiled_at', { withTimezone: true }),
    harmonizedAt: timestamp('harmonized_at', { withTimezone: true }),
    rawDeletedAt: timestamp('raw_deleted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('submissions_partner_idx').on(t.partnerId, t.receivedAt),
    index('submissions_status_idx').on(t.status, t.receivedAt),
    index('submissions_sha_idx').on(t.partnerId, t.sha256),
  ],
);
