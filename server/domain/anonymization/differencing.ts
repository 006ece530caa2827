import { AnonymizedOutput } from './anonymized-output';
import type { DifferencingExposure } from './measure-types';

/**
 * Published QI class counts of a release, stored with it so the next release can be compared.
 * A class key is the JSON array of its labels in `qis` order; keys are sorted for stable storage.
 */
export interface ReleaseClassCounts {
  qis: string[];
  counts: Record<string, number>;
}

const classKey = (labels: readonly string[]): string => JSON.stringify(labels);

function sortedCounts(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function releaseClassCounts(output: AnonymizedOutput): ReleaseClassCounts {
  const counts = new Map<string, number>();
  for (const { labels, count } of output.classes()) counts.set(classKey(labels), (counts.get(classKey(labels)) ?? 0) + count);
  return { qis: [...output.qis], counts: sortedCounts(counts) };
}

/** The same counts from published rows (e.g. a release CSV that predates stored counts). */
export function classCountsFromRows(rows: Iterable<Readonly<Record<string, string>>>, qis: readonly string[]): ReleaseClassCounts {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = classKey(qis.map((qi) => row[qi] ?? ''));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { qis: [...qis], counts: sortedCounts(counts) };
}

/**
 * Classes whose count grew by more than 0 but fewer than k since the previous release: subtracting
 * one release from the other would isolate those few new records. Both releases must use the
 * same QIs and the same generalization labels for the comparison to mean anything.
 */
export function findDifferencingExposures(previous: ReleaseClassCounts, current: ReleaseClassCounts, k: number): DifferencingExposure[] {
  if (previous.qis.join('\u0000') !== current.qis.join('\u0000')) {
    throw new Error(`the releases have different quasi-identifiers (${previous.qis.join(', ')} vs ${current.qis.join(', ')})`);
  }
  const exposures: DifferencingExposure[] = [];
  for (const [key, count] of Object.entries(current.counts)) {
    const before = previous.counts[key] ?? 0;
    const growth = count - before;
    if (growth > 0 && growth < k) {
      const labels = JSON.parse(key) as string[];
      exposures.push({ labels: Object.fromEntries(current.qis.map((qi, q) => [qi, labels[q]])), previous: before, current: count, growth });
    }
  }
  return exposures;
}
