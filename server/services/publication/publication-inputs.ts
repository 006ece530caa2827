import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { agreements, anonymizationRuns, partners, releases, releaseSubmissions, submissions } from '../../../db/schema';
import type { AnonymizationPolicy } from '../../domain/anonymization/policy';
import type { Contributor } from '../../domain/reports';
import { getStandard, type StandardDefinition } from '../../domain/standard';

/** A publication that cannot succeed by retrying (wrong state, refused verification, missing input). */
export class PublicationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublicationError';
  }
}

export interface PublicationInputs {
  release: typeof releases.$inferSelect;
  run: typeof anonymizationRuns.$inferSelect & { outputKey: string; outputRows: number };
  policy: AnonymizationPolicy;
  standard: StandardDefinition;
  /** Fixed date for the PDFs' metadata: the run's decision, so the same inputs give the same bytes. */
  builtAt: Date;
}

/** The release being published with its approved run; refuses anything else. */
export async function loadPublicationInputs(db: DbOrTx, releaseId: string): Promise<PublicationInputs> {
  const [release] = await db.select().from(releases).where(eq(releases.id, releaseId));
  if (!release) throw new PublicationError('Release not found');
  if (release.status !== 'publishing') throw new PublicationError(`Release ${release.version} is ${release.status}, not publishing`);
  if (!release.approvedRunId) throw new PublicationError(`Release ${release.version} has no approved anonymization run`);
  const [run] = await db.select().from(anonymizationRuns).where(eq(anonymizationRuns.id, release.approvedRunId));
  if (!run || run.status !== 'approved') throw new PublicationError(`The anonymization run of release ${release.version} is not approved`);
  if (!run.outputKey || run.outputRows === null) throw new PublicationError('The approved run has no output to publish');
  return {
    release,
    run: { ...run, outputKey: run.outputKey, outputRows: run.outputRows },
    policy: run.policySnapshot,
    standard: getStandard(release.standardId),
    builtAt: run.decidedAt ?? run.completedAt ?? run.createdAt,
  };
}

/** Contributing partners (by name) with the attribution text of their signed agreement. */
export async function releaseContributors(db: DbOrTx, releaseId: string): Promise<Contributor[]> {
  const partnerRows = await db.selectDistinct({ id: partners.id, name: partners.name })
    .from(releaseSubmissions)
    .innerJoin(submissions, eq(submissions.id, releaseSubmissions.submissionId))
    .innerJoin(partners, eq(partners.id, submissions.partnerId))
    .where(eq(releaseSubmissions.releaseId, releaseId))
    .orderBy(asc(partners.name));
  if (!partnerRows.length) return [];
  const texts = await db.select({ partnerId: agreements.partnerId, attribution: agreements.attribution })
    .from(agreements)
    .where(and(inArray(agreements.partnerId, partnerRows.map((p) => p.id)), sql`${agreements.status} <> 'draft'`))
    .orderBy(desc(sql`${agreements.status} = 'signed'`), desc(agreements.version));
  return partnerRows.map((p) => ({ name: p.name, attribution: texts.find((t) => t.partnerId === p.id)?.attribution ?? `Data contributed by ${p.name}` }));
}
