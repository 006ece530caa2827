import type { AgreementStatus, Cadence, PartnerStatus, partners } from '../../../../db/schema';

export type { AgreementStatus, Cadence, PartnerStatus };
type PartnerType = (typeof partners.$inferSelect)['type'];
type DataSource = (typeof partners.$inferSelect)['dataSource'];

// The schema's value lists, restated without importing drizzle into the bundle; `satisfies` and
// the checks below fail to compile if the server adds or renames a value.
export const PARTNER_STATUSES = ['prospect', 'engaged', 'agreement_pending', 'active', 'suspended', 'offboarded'] as const satisfies readonly PartnerStatus[];
export const PARTNER_TYPES = [
  'international_organisation', 'ngo', 'hotline', 'government_agency', 'law_enforcement', 'other',
] as const satisfies readonly PartnerType[];
export const DATA_SOURCES = ['Case Management', 'Hotline'] as const satisfies readonly DataSource[];
export const CADENCES = ['monthly', 'quarterly', 'twice_yearly', 'yearly'] as const satisfies readonly Cadence[];

type Missing = Exclude<PartnerStatus, (typeof PARTNER_STATUSES)[number]> | Exclude<PartnerType, (typeof PARTNER_TYPES)[number]>
  | Exclude<DataSource, (typeof DATA_SOURCES)[number]> | Exclude<Cadence, (typeof CADENCES)[number]>;
const everyValueListed: [Missing] extends [never] ? true : Missing = true;
void everyValueListed;

/** Data sources are stored as their published labels; translation keys use a slug. */
export const dataSourceKey = (source: string) => source.toLowerCase().replace(/\s+/g, '_');

export type Freshness = 'up_to_date' | 'due' | 'overdue' | 'delinquent';
export const FRESHNESS: readonly Freshness[] = ['up_to_date', 'due', 'overdue', 'delinquent'];

/** A row of `GET /api/partners`. */
export interface PartnerRow {
  id: string;
  name: string;
  shortCode: string;
  type: string;
  countries: string[];
  dataSource: string;
  cadence: string;
  status: PartnerStatus;
  liaisonId: string | null;
  lastContributionAt: string | null;
  activatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  freshness: Freshness | null;
}

export interface Contact {
  id: string;
  partnerId: string;
  name: string;
  email: string;
  phone: string | null;
  function: string | null;
  isPrimary: boolean;
}

export interface Agreement {
  id: string;
  partnerId: string;
  version: number;
  signedDate: string | null;
  effectiveDate: string;
  expiryDate: string;
  scopeGroups: string[];
  attribution: string;
  status: AgreementStatus;
  hasDocument: boolean;
  documentName: string | null;
  documentSize: number | null;
  documentSha256: string | null;
  createdAt: string;
}

/** `GET /api/partners/:id`. */
export interface PartnerDetail extends PartnerRow {
  website: string | null;
  description: string | null;
  keepContributions: boolean | null;
  liaisonName: string | null;
  contacts: Contact[];
  agreements: Agreement[];
}
