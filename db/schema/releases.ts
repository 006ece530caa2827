import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { partners } from './partners';
import { submissions } from './submissions';

export const RELEASE_STATUSES = ['draft', 'anonymizing', 'in_review', 'approved', 'publishing', 'published', 'retracted'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];
export const releaseStatusEnum = pgEnum('release_status', RELEASE_STATUSES);

export const releases = pgTable('releases', {
  id: uuid('id').primaryKey().defaultRandom(),
  version: text('version').notNull().unique(),
  title: text('title').notNull(),
  description: text('description'),
  standardId: text('standard_id').notNull(),
  status: releaseStatusEnum('status').notNull().default('draft'),
  composedBy: uuid('composed_by').references(() => users.id),
  /** The approved anonymization run whose output is published. */
  approvedRunId: uuid('approved_run_id'),
  /** Sign-off round: a rejection returns the release to draft and starts a new round. */
  signoffRound: integer('signoff_round').notNull().default(1),
  citation: text('citation'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  retractedAt: timestamp('retracted_at', { withTimezone: true }),
  retractionReason: text('retraction_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const releaseSubmissions = pgTable(
  'release_submissions',
  {
    releaseId: uuid('release_id').notNull().references(() => releases.id, { onDelete: 'cascade' }),
    submissionId: uuid('submission_id').notNull().references(() => submissions.id),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.submissionId] })],
);

export const SIGNOFF_ROLES = ['privacy_officer', 'release_manager'] as const;
export const signoffRoleEnum = pgEnum('signoff_role', SIGNOFF_ROLES);
export const signoffDecisionEnum = pgEnum('signoff_decision', ['approve', 'reject']);

export const releaseSignoffs = pgTable(
  'release_signoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    releaseId: uuid('release_id').notNull().references(() => releases.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    role: signoffRoleEnum('role').notNull(),
    decision: signoffDecisionEnum('decision').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    comment: text('comment').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One approval per role per round: a second sign-off of the same role loses (409).
    uniqueIndex('release_signoffs_one_per_role').on(t.releaseId, t.round, t.role).where(sql`${t.decision} = 'approve'`),
    index('release_signoffs_release_idx').on(t.releaseId),
  ],
);

export const ARTIFACT_KINDS = ['microdata_csv', 'codebook_csv', 'codebook_pdf', 'report_pdf', 'manifest'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];
export const artifactKindEnum = pgEnum('artifact_kind', ARTIFACT_KINDS);

/** Published files: immutable once recorded (a trigger refuses updates and deletes). */
export const releaseArtifacts = pgTable(
  'release_artifacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    releaseId: uuid('release_id').notNull().references(() => releases.id),
    kind: artifactKindEnum('kind').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('release_artifacts_release_kind').on(t.releaseId, t.kind)],
);

export const REPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const reportStatusEnum = pgEnum('report_status', REPORT_STATUSES);

/** Generated reports (contribution reports per partner), kept and listed. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    partnerId: uuid('partner_id').references(() => partners.id),
    periodStart: text('period_start'),
    periodEnd: text('period_end'),
    status: reportStatusEnum('status').notNull().default('queued'),
    requestedBy: uuid('requested_by').references(() => users.id),
    filename: text('filename'),
    size: bigint('size', { mode: 'number' }),
    sha256: text('sha256'),
    storageKey: text('storage_key'),
    failureReason: text('failure_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('reports_partner_idx').on(t.partnerId, t.createdAt)],
);
