import { sql } from 'drizzle-orm';
import {
  bigint, boolean, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

export const PARTNER_STATUSES = ['prospect', 'engaged', 'agreement_pending', 'active', 'suspended', 'offboarded'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export const partnerStatusEnum = pgEnum('partner_status', PARTNER_STATUSES);

export const PARTNER_TYPES = [
  'international_organisation', 'ngo', 'hotline', 'government_agency', 'law_enforcement', 'other',
] as const;
export const partnerTypeEnum = pgEnum('partner_type', PARTNER_TYPES);

export const DATA_SOURCES = ['Case Management', 'Hotline'] as const;
export const dataSourceEnum = pgEnum('data_source', DATA_SOURCES);

export const CADENCES = ['monthly', 'quarterly', 'twice_yearly', 'yearly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const cadenceEnum = pgEnum('contribution_cadence', CADENCES);

export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    shortCode: text('short_code').notNull().unique(),
    type: partnerTypeEnum('type').notNull(),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    website: text('website'),
    description: text('description'),
    dataSource: dataSourceEnum('data_source').notNull(),
    cadence: cadenceEnum('cadence').notNull(),
    status: partnerStatusEnum('status').notNull().default('prospect'),
    /** Asked at offboarding: do past contributions stay in future releases? */
    keepContributions: boolean('keep_contributions'),
    /** The liaison responsible for the relationship; receives its notifications. */
    liaisonId: uuid('liaison_id'),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    /** Set by harmonization: the basis of contribution freshness. */
    lastContributionAt: timestamp('last_contribution_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partners_status_idx').on(t.status)],
);

export const partnerContacts = pgTable(
  'partner_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    function: text('function'),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('partner_contacts_partner_idx').on(t.partnerId),
    uniqueIndex('partner_contacts_one_primary').on(t.partnerId).where(sql`${t.isPrimary}`),
  ],
);

export const AGREEMENT_STATUSES = ['draft', 'signed', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const agreementStatusEnum = pgEnum('agreement_status', AGREEMENT_STATUSES);

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    signedDate: date('signed_date'),
    effectiveDate: date('effective_date').notNull(),
    expiryDate: date('expiry_date').notNull(),
    scopeGroups: text('scope_groups').array().notNull().default(sql`'{}'::text[]`),
    attribution: text('attribution').notNull(),
    status: agreementStatusEnum('status').notNull().default('draft'),
    /** Encrypted file in the blob store; null until the signed PDF is uploaded. */
    documentKey: text('document_key'),
    documentName: text('document_name'),
    documentSize: bigint('document_size', { mode: 'number' }),
    documentSha256: text('document_sha256'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agreements_partner_version').on(t.partnerId, t.version), index('agreements_expiry_idx').on(t.expiryDate)],
);
