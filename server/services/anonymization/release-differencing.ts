import { Readable } from 'node:stream';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { anonymizationRuns, releases } from '../../../db/schema';
import {
  findDifferencingExposures,
  type AnonymizationPolicy,
  type DifferencingExposure,
  type ReleaseClassCounts,
} from '../../domain/anonymization';
import type { BlobStore, StoredBlob } from '../../storage/blob-store';
import type { DifferencingSummary } from './run-measures';

export interface PreviousRelease {
  releaseId: string;
  version: string;
  publishedAt: Date | null;
  runId: string;
  policy: AnonymizationPolicy;
  measures: Record<string, unknown> | null;
  classCountsKey: string | null;
}

/** The latest published release other than `exceptReleaseId`, with the run it published. */
export async function previousPublishedRelease(db: Db, exceptReleaseId: string): Promise<PreviousRelease | null> {
  const [row] = await db
    .select({
      releaseId: releases.id, version: releases.version, publishedAt: releases.publishedAt, runId: anonymizationRuns.id,
      policy: anonymizationRuns.policySnapshot, measures: anonymizationRuns.measures, classCountsKey: anonymizationRuns.classCountsKey,
    })
    .from(releases)
    .innerJoin(anonymizationRuns, eq(anonymizationRuns.id, releases.approvedRunId))
    .where(and(eq(releases.status, 'published'), ne(releases.id, exceptReleaseId)))
    .orderBy(sql`${releases.publishedAt} DESC NULLS LAST`, desc(releases.updatedAt))
    .limit(1);
  return row ?? null;
}

export function storeClassCounts(blobs: BlobStore, prefix: string, counts: ReleaseClassCounts): Promise<StoredBlob> {
  return blobs.put(prefix, Readable.from([Buffer.from(JSON.stringify(counts))]));
}

async function readClassCounts(blobs: BlobStore, key: string): Promise<ReleaseClassCounts> {
  const chunks: Buffer[] = [];
  for await (const chunk of blobs.open(key)) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReleaseClassCounts;
}

export const levelsOf = (measures: Record<string, unknown> | null): Record<string, number> =>
  Object.fromEntries(((measures?.levels ?? []) as { qi: string; level: number }[]).map((l) => [l.qi, l.level]));

/**
 * Class counts re-keyed on `qis` at `to` levels: labels are lifted up the hierarchy (levels nest,
 * so each label has one ancestor) and counts of classes that merge are summed. A label the
 * hierarchy does not know stays as it is, so it shows up as a class of its own (the cautious side).
 */
function generalizeCounts(counts: ReleaseClassCounts, policy: AnonymizationPolicy, from: Record<string, number>, qis: readonly string[], to: Record<string, number>): ReleaseClassCounts {
  const lifts = qis.map((qi) => {
    const map = new Map<string, string>();
    for (const row of policy.hierarchies[qi]?.rows ?? []) map.set(row[from[qi]], row[to[qi]]);
    return { column: counts.qis.indexOf(qi), map };
  });
  const merged = new Map<string, number>();
  for (const [key, count] of Object.entries(counts.counts)) {
    const labels = JSON.parse(key) as string[];
    const lifted = JSON.stringify(lifts.map(({ column, map }) => map.get(labels[column]) ?? labels[column]));
    merged.set(lifted, (merged.get(lifted) ?? 0) + count);
  }
  return { qis: [...qis], counts: Object.fromEntries(merged) };
}

export interface CurrentRelease {
  counts: ReleaseClassCounts;
  policy: AnonymizationPolicy;
  levels: Record<string, number>;
}

/**
 * Differencing exposure against the previous published release. When the releases generalized
 * differently, a reader can still coarsen the finer one to the other's labels and subtract, so
 * both are compared at the coarser level of each shared QI (the new run's labels when it is the
 * coarser or the same).
 */
export async function differencingAgainst(blobs: BlobStore, previous: PreviousRelease | null, current: CurrentRelease): Promise<{ summary: DifferencingSummary; exposures: DifferencingExposure[] }> {
  const base: DifferencingSummary = {
    against: previous && { releaseId: previous.releaseId, version: previous.version, runId: previous.runId },
    compared: false, note: null, qis: [], previousLevels: {}, currentLevels: current.levels, comparedAtLevels: {}, sameLevels: true, exposures: 0,
  };
  if (!previous) return { summary: { ...base, note: 'No earlier release has been published: nothing to compare with' }, exposures: [] };
  if (!previous.classCountsKey) return { summary: { ...base, note: `Release ${previous.version} has no stored class counts: not compared` }, exposures: [] };
  const previousCounts = await readClassCounts(blobs, previous.classCountsKey);
  const previousLevels = levelsOf(previous.measures);
  const qis = current.counts.qis.filter((qi) => previousCounts.qis.includes(qi) && previousLevels[qi] !== undefined);
  const comparedAtLevels = Object.fromEntries(qis.map((qi) => [qi, Math.max(previousLevels[qi], current.levels[qi])]));
  const sameQis = qis.length === current.counts.qis.length && qis.length === previousCounts.qis.length;
  const sameLevels = sameQis && qis.every((qi) => previousLevels[qi] === current.levels[qi]);
  const exposures = findDifferencingExposures(
    generalizeCounts(previousCounts, previous.policy, previousLevels, qis, comparedAtLevels),
    generalizeCounts(current.counts, current.policy, current.levels, qis, comparedAtLevels),
    current.policy.k,
  );
  const notes: string[] = [];
  if (!sameQis) notes.push(`Release ${previous.version} published other quasi-identifiers (${previousCounts.qis.join(', ')}): compared on the shared ones only`);
  if (sameQis && !sameLevels) notes.push(`Release ${previous.version} used other generalization levels: both were compared at the coarser level of each quasi-identifier`);
  return {
    summary: { ...base, compared: true, note: notes.join('. ') || null, qis, previousLevels, comparedAtLevels, sameLevels, exposures: exposures.length },
    exposures,
  };
}
