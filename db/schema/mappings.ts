import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MappingSpec } from '../../server/domain/mapping/spec-schema';
import { users } from './auth';
import { partners } from './partners';

export const MAPPING_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'superseded'] as const;
export type MappingStatus = (typeof MAPPING_STATUSES)[number];
export const mappingStatusEnum = pgEnum('mapping_status', MAPPING_STATUSES);

/**
 * A partner's mapping to the standard, versioned. An approved version is immutable (a trigger
 * refuses changes to its spec); approving a version supersedes the previous approved one.
 */
export const mappingVersions = pgTable(
  'mapping_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    version: integer('version').notNull(),
    status: mappingStatusEnum('status').notNull().default('draft'),
    standardId: text('standard_id').notNull(),
    /** The mapping itself (server/domain/mapping spec schema). */
    spec: jsonb('spec').$type<MappingSpec>().notNull(),
    /** The submission whose profile it was written against (source columns, values). */
    basedOnSubmissionId: uuid('based_on_submission_id'),
    copiedFromId: uuid('copied_from_id'),
    authorId: uuid('author_id').references(() => users.id),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mapping_versions_partner_version').on(t.partnerId, t.version),
    uniqueIndex('mapping_versions_one_approved').on(t.partnerId).where(sql`${t.status} = 'approved'`),
  ],
);

export const mappingComments = pgTable(
  'mapping_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mappingVersionId: uuid('mapping_version_id').notNull().references(() => mappingVersions.id, { onDelete: 'cascade' }),
    /** The standard variable the comment is about, or null for the whole version. */
    variable: text('variable'),
    authorId: uuid('author_id').notNull().references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mapping_comments_version_idx').on(t.mappingVersionId)],
);
