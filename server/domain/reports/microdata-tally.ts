/**
 * Value counts of published microdata, one pass: per column, and for a few column pairs (the
 * citizenship → exploitation corridors). Every public figure is computed from one of these, fed
 * from the published CSV, never from harmonized records (privacy.md "Publication rules").
 */
/**
 * Counts of one column. Most published columns hold a handful of values ('', '0', '1'), for which
 * a short array scanned with === beats hashing a fresh string per cell; wide ones switch to a Map.
 */
class ValueCounter {
  private keys: string[] = [];
  private counts: number[] = [];
  private map: Map<string, number> | null = null;

  add(value: string): void {
    if (this.map) {
      this.map.set(value, (this.map.get(value) ?? 0) + 1);
      return;
    }
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === value) {
        this.counts[i]++;
        return;
      }
    }
    if (keys.length < 16) {
      keys.push(value);
      this.counts.push(1);
      return;
    }
    this.map = new Map(keys.map((k, i) => [k, this.counts[i]]));
    this.map.set(value, 1);
  }

  entries(): Map<string, number> {
    return this.map ?? new Map(this.keys.map((k, i) => [k, this.counts[i]]));
  }
}

export class MicrodataTally {
  rows = 0;
  private readonly counters: ValueCounter[];
  private readonly cached = new Map<number, Map<string, number>>();
  private readonly pairCounts: Map<string, number>[];
  private readonly pairIndexes: [number, number][];

  constructor(readonly columns: readonly string[], readonly pairs: readonly (readonly [string, string])[] = []) {
    this.counters = columns.map(() => new ValueCounter());
    this.pairIndexes = pairs.map(([a, b]) => {
      const ia = columns.indexOf(a);
      const ib = columns.indexOf(b);
      if (ia < 0 || ib < 0) throw new Error(`pair ${a} × ${b}: column missing`);
      return [ia, ib];
    });
    this.pairCounts = pairs.map(() => new Map());
  }

  add(record: readonly string[]): void {
    if (record.length !== this.columns.length) {
      throw new Error(`row ${this.rows + 1} has ${record.length} cells, expected ${this.columns.length}`);
    }
    this.rows++;
    for (let c = 0; c < record.length; c++) this.counters[c].add(record[c]);
    this.cached.clear();
    for (let p = 0; p < this.pairIndexes.length; p++) {
      const [a, b] = this.pairIndexes[p];
      const key = `${record[a]}\u0000${record[b]}`;
      const map = this.pairCounts[p];
      map.set(key, (map.get(key) ?? 0) + 1);
    }
  }

  /** Counts of each value of a column (`''` = missing). */
  valueCounts(column: string): ReadonlyMap<string, number> {
    const i = this.columns.indexOf(column);
    if (i < 0) throw new Error(`column ${column} is not tallied`);
    let counts = this.cached.get(i);
    if (!counts) this.cached.set(i, (counts = this.counters[i].entries()));
    return counts;
  }

  count(column: string, value: string): number {
    return this.valueCounts(column).get(value) ?? 0;
  }

  missing(column: string): number {
    return this.count(column, '');
  }

  /** Counts of each value pair of a tallied pair, both values present. */
  pairValues(a: string, b: string): { first: string; second: string; count: number }[] {
    const p = this.pairs.findIndex(([x, y]) => x === a && y === b);
    if (p < 0) throw new Error(`pair ${a} × ${b} is not tallied`);
    return [...this.pairCounts[p]].map(([key, count]) => {
      const [first, second] = key.split('\u0000');
      return { first, second, count };
    });
  }
}
