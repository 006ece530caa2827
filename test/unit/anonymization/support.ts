import { AnonymizationPolicy, AnonymizationResult, DatasetBuilder, Hierarchy } from '../../../server/domain/anonymization';

/** 2010..2013 → 2-year band → *, plus the empty value: small enough to reason about by hand. */
export const YEARS: Hierarchy = {
  rows: [
    ['2010', '2010-2011', '*'],
    ['2011', '2010-2011', '*'],
    ['2012', '2012-2013', '*'],
    ['2013', '2012-2013', '*'],
    ['', '', '*'],
  ],
};

export const GENDER: Hierarchy = { rows: [['Female', '*'], ['Male', '*'], ['', '*']] };

export interface TestRecord {
  values: string[];
  partner?: string;
  sensitive?: string;
  country?: string;
}

/** Builds a dataset from (values, times) pairs. */
export function dataset(columns: string[], groups: [string[], number, Partial<TestRecord>?][], sensitive?: string) {
  const builder = new DatasetBuilder({ columns, sensitive });
  for (const [values, times, extra] of groups) {
    for (let i = 0; i < times; i++) builder.add(values, extra?.partner ?? 'p1', extra?.sensitive, extra?.country);
  }
  return builder.build();
}

export function policy(qis: string[], hierarchies: Record<string, Hierarchy>, overrides: Partial<AnonymizationPolicy> = {}): AnonymizationPolicy {
  return { qis, hierarchies, maxLevels: {}, k: 3, suppressionLimit: 0.1, ...overrides };
}

/** Published rows of a result, as a CSV reader would give them. */
export function publishedRows(result: AnonymizationResult): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (const { labels } of result.output.rows()) {
    if (labels) rows.push(Object.fromEntries(result.qis.map((qi, q) => [qi, labels[q]])));
  }
  return rows;
}

/** The result without wall-clock timing, the only part allowed to differ between runs. */
export function stableResult(result: AnonymizationResult) {
  const { timing: _timing, ...measures } = result.measures;
  return { levels: result.levels, measures, rows: [...result.output.rows()] };
}

export interface BruteForceNode {
  levels: number[];
  loss: number;
  suppressed: number;
}

/**
 * Independent reference: every node of the lattice, classes counted record by record with a Map,
 * the loss computed straight from privacy.md's definition.
 */
export function bruteForce(
  records: { values: string[]; sensitive?: string }[],
  hierarchies: Hierarchy[],
  k: number,
  limit: number,
  l?: number,
): { anonymous: BruteForceNode[]; best: BruteForceNode | null } {
  const n = records.length;
  const rowsByLeaf = hierarchies.map((h) => new Map(h.rows.map((row) => [row[0], row])));
  const heights = hierarchies.map((h) => h.rows[0].length - 1);
  const anonymous: BruteForceNode[] = [];
  const visit = (levels: number[]): void => {
    if (levels.length < hierarchies.length) {
      for (let level = 0; level <= heights[levels.length]; level++) visit([...levels, level]);
      return;
    }
    const labelsOf = (record: { values: string[] }) => record.values.map((v, q) => rowsByLeaf[q].get(v)![levels[q]]);
    const classes = new Map<string, { count: number; sensitive: Set<string> }>();
    for (const record of records) {
      const key = JSON.stringify(labelsOf(record));
      const entry = classes.get(key) ?? { count: 0, sensitive: new Set<string>() };
      entry.count++;
      entry.sensitive.add(record.sensitive ?? '');
      classes.set(key, entry);
    }
    const fails = (key: string) => classes.get(key)!.count < k || (l !== undefined && classes.get(key)!.sensitive.size < l);
    let suppressed = 0;
    for (const [key, entry] of classes) if (fails(key)) suppressed += entry.count;
    if (suppressed > Math.floor(limit * n + 1e-9)) return;
    let product = 1;
    hierarchies.forEach((h, q) => {
      const r = h.rows.length;
      let s = 0;
      for (const record of records) {
        if (fails(JSON.stringify(labelsOf(record)))) s += 1;
        else {
          const label = labelsOf(record)[q];
          s += h.rows.filter((row) => row[levels[q]] === label).length / r;
        }
      }
      const lossA = r > 1 && n > 0 ? Math.max(0, (s - n / r) / (n - n / r)) : 0;
      product *= 1 + lossA;
    });
    anonymous.push({ levels, loss: Math.pow(product, 1 / hierarchies.length) - 1, suppressed });
  };
  visit([]);
  const best = anonymous.reduce<BruteForceNode | null>((b, node) => (b === null || node.loss < b.loss - 1e-12 ? node : b), null);
  return { anonymous, best };
}
