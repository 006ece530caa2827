import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { agreements, partnerContacts, partners, users } from '../schema';

/** Cycles of the partner's cadence elapsed since its last contribution (or activation); SQL twin of contributionFreshness. */
export const freshnessCycles = sql<number | null>`CASE WHEN ${partners.status} = 'active' THEN
  extract(epoch from (now() - coalesce(${partners.lastContributionAt}, ${partners.activatedAt}))) / 86400.0 /
  (CASE ${partners.cadence} WHEN 'monthly' THEN 30 WHEN 'quarterly' THEN 91 WHEN 'twice_yearly' THEN 182 ELSE 365 END)
  END`;

export const freshnessSql = sql<string | null>`CASE
  WHEN ${freshnessCycles} IS NULL THEN NULL
  WHEN ${freshnessCycles} >= 2 THEN 'delinquent'
  WHEN ${freshnessCycles} >= 1.5 THEN 'overdue'
  WHEN ${freshnessCycles} >= 1 THEN 'due'
  ELSE 'up_to_date' END`;

export interface PartnerFilter {
  status?: string;
  type?: string;
  country?: string;
  freshness?: string;
  q?: string;
  /** Partner isolation: a partner user's list holds its own partner only. */
  onlyId?: string | null;
}

export function partnerConditions(f: PartnerFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.onlyId) where.push(eq(partners.id, f.onlyId));
  if (f.status) where.push(eq(partners.status, f.status as typeof partners.$inferSelect.status));
  if (f.type) where.push(eq(partners.type, f.type as typeof partners.$inferSelect.type));
  if (f.country) where.push(sql`${f.country.toUpperCase()} = ANY(${partners.countries})`);
  if (f.freshness) where.push(sql`${freshnessSql} = ${f.freshness}`);
  if (f.q) where.push(or(ilike(partners.name, `%${f.q}%`), ilike(partners.shortCode, `%${f.q}%`))!);
  return where.length ? and(...where) : undefined;
}

export const partnerListColumns = {
  id: partners.id, name: partners.name, shortCode: partners.shortCode, type: partners.type, countries: partners.countries,
  dataSource: partners.dataSource, cadence: partners.cadence, status: partners.status, liaisonId: partners.liaisonId,
  lastContributionAt: partners.lastContributionAt, activatedAt: partners.activatedAt, createdAt: partners.createdAt,
  updatedAt: partners.updatedAt, freshness: freshnessSql,
};

export async function partnerStateCounts(db: DbOrTx, f: Omit<PartnerFilter, 'status'>) {
  const rows = await db.select({ status: partners.status, n: count() }).from(partners).where(partnerConditions(f)).groupBy(partners.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function partnerDetail(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ partner: partners, freshness: freshnessSql, liaisonName: users.name })
    .from(partners)
    .leftJoin(users, eq(users.id, partners.liaisonId))
    .where(eq(partners.id, id));
  if (!row) return null;
  const [contacts, agreementRows] = await Promise.all([
    db.select().from(partnerContacts).where(eq(partnerContacts.partnerId, id)).orderBy(sql`${partnerContacts.isPrimary} desc, ${partnerContacts.name}`),
    db.select().from(agreements).where(eq(agreements.partnerId, id)).orderBy(sql`${agreements.version} desc`),
  ]);
  return { ...row.partner, freshness: row.freshness, liaisonName: row.liaisonName, contacts, agreements: agreementRows };
}
