import { and, asc, count, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { anonymizationRuns, partners, releases, releaseSubmissions, standardRecords, submissions } from '../../../db/schema';
import type { ContributionReportData } from '../../domain/reports';
import type { MappingRunReport } from '../../domain/mapping/run-accumulator';
import { contributionFreshness } from '../partners/freshness';

const FIXES: Record<string, string> = {
  majority_status_filled: 'filled from the age band',
  majority_status_conflict: 'contradicted the age band; set from it',
  conjunction_filled: 'filled from its two components',
  conjunction_conflict: 'contradicted its components; set from them',
  conjunction_component_filled: 'component set to 1 (sex and labour was 1)',
  not_specified_conflict: '"not specified" set to 0 beside a specified flag',
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);

/** Harmonization findings summed over submissions: counts and column names only, never example values. */
function quality(reports: (MappingRunReport | null)[]): ContributionReportData['quality'] {
  const unmapped = new Map<string, { column: string; variables: Set<string>; unmapped: number; defaulted: number }>();
  const fixes = new Map<string, number>();
  const missing = new Map<string, number>();
  let rows = 0;
  for (const r of reports) {
    if (!r) continue;
    rows += r.rows ?? 0;
    for (const u of r.unmappedColumns ?? []) {
      const t = unmapped.get(u.column) ?? { column: u.column, variables: new Set<string>(), unmapped: 0, defaulted: 0 };
      u.variables.forEach((v) => t.variables.add(v));
      t.unmapped += u.unmapped;
      t.defaulted += u.defaulted;
      unmapped.set(u.column, t);
    }
    for (const [key, n] of Object.entries(r.consistency ?? {})) fixes.set(key, (fixes.get(key) ?? 0) + n);
    for (const [variable, n] of Object.entries(r.missingByVariable ?? {})) missing.set(variable, (missing.get(variable) ?? 0) + n);
  }
  return {
    rows,
    unmapped: [...unmapped.values()].sort((a, b) => b.unmapped - a.unmapped).map((u) => ({ ...u, variables: [...u.variables] })),
    consistency: [...fixes].map(([key, n]) => {
      const [code, variable] = key.split(':');
      return { fix: `${variable}: ${FIXES[code] ?? code}`, count: n };
    }),
    missingByVariable: [...missing].map(([variable, n]) => ({ variable, missing: n })),
  };
}

/** Everything a partner's contribution report shows, for one partner and an optional period (dates, inclusive). */
export async function contributionData(db: DbOrTx, partnerId: string, period: { start: string | null; end: string | null }, now = new Date()): Promise<ContributionReportData> {
  const [partner] = await db.select().from(partners).where(eq(partners.id, partnerId));
  if (!partner) throw new Error('Partner not found');
  const inPeriod: SQL[] = [eq(submissions.partnerId, partnerId)];
  if (period.start) inPeriod.push(gte(submissions.receivedAt, new Date(`${period.start}T00:00:00Z`)));
  if (period.end) inPeriod.push(lt(submissions.receivedAt, nextDay(period.end)));
  const subs = await db.select().from(submissions).where(and(...inPeriod)).orderBy(asc(submissions.receivedAt));

  // Only published (or retracted) releases: a partner sees nothing unpublished beyond its own data.
  const perRelease = await db
    .select({ id: releases.id, version: releases.version, title: releases.title, status: releases.status, publishedAt: releases.publishedAt, runId: releases.approvedRunId, records: count(standardRecords.id) })
    .from(releaseSubmissions)
    .innerJoin(releases, eq(releases.id, releaseSubmissions.releaseId))
    // Through the partner's own submissions: records are read by submission, never all of a release's.
    .innerJoin(submissions, and(eq(submissions.id, releaseSubmissions.submissionId), eq(submissions.partnerId, partnerId)))
    .innerJoin(standardRecords, and(eq(standardRecords.submissionId, releaseSubmissions.submissionId), eq(standardRecords.partnerId, partnerId)))
    .where(inArray(releases.status, ['published', 'retracted']))
    .groupBy(releases.id)
    .orderBy(asc(releases.publishedAt));
  const runIds = perRelease.map((r) => r.runId).filter((x): x is string => !!x);
  const runs = runIds.length ? await db.select({ id: anonymizationRuns.id, measures: anonymizationRuns.measures }).from(anonymizationRuns).where(inArray(anonymizationRuns.id, runIds)) : [];
  const published = (runId: string | null, included: number): number | null => {
    const m = runs.find((r) => r.id === runId)?.measures as { suppressedByPartner?: { key: string; suppressed: number }[] } | null | undefined;
    const mine = m?.suppressedByPartner?.find((s) => s.key === partnerId);
    return mine ? included - mine.suppressed : null;
  };

  return {
    partner: { name: partner.name, shortCode: partner.shortCode, dataSource: partner.dataSource, cadence: partner.cadence, status: partner.status },
    period,
    generatedAt: now,
    freshness: {
      status: partner.status === 'active' ? contributionFreshness(partner.cadence, partner.lastContributionAt, partner.activatedAt, now) : null,
      lastContributionAt: day(partner.lastContributionAt),
    },
    submissions: subs.map((s) => ({ receivedOn: day(s.receivedAt)!, format: s.format, status: s.status, records: s.recordCount, harmonizedOn: day(s.harmonizedAt) })),
    releases: perRelease.map((r) => ({
      version: r.version, title: r.title, status: r.status, publishedOn: day(r.publishedAt), recordsIncluded: Number(r.records), recordsPublished: published(r.runId, Number(r.records)),
    })),
    quality: quality(subs.filter((s) => s.status === 'harmonized').map((s) => s.harmonizationReport as unknown as MappingRunReport | null)),
  };
}
