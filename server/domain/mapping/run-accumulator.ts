import { addFirstKept } from '../first-kept';
import { findingKey, type ConsistencyFinding } from '../standard';
import type { ValueCount } from '../profiling/types';

export type RowProblemCode =
  /** A value no rule says how to map: the variable is left missing. */
  | 'unmapped_value'
  /** A value the map did not cover, given the rule's default. */
  | 'defaulted_value'
  /** Birth year and reference year alone leave the age between two bands (or either side of 18). */
  | 'age_ambiguous'
  /** A birth date is known but the date to measure the age at is missing. */
  | 'reference_date_missing';

/** One problem of one row. Carries names, never a cell value. Shared, frozen, per rule. */
export interface RowProblem {
  readonly code: RowProblemCode;
  readonly column: string;
  /** The variable fed, or for a multi-value cell the group of flags it feeds. */
  readonly variable: string;
}

export interface UnmappedColumnReport {
  column: string;
  /** Standard variables this column feeds. */
  variables: string[];
  /** Cells (or, for multi-value cells, codes) left unmapped. */
  unmapped: number;
  /** Cells that took the rule's default. */
  defaulted: number;
  /** Most frequent first; empty when withheld. */
  examples: ValueCount[];
  /** Identifier, dropped and date columns never show their values. */
  examplesWithheld: boolean;
  /** Distinct unmapped values seen (up to the tracking cap), null when withheld. */
  distinctUnmapped: number | null;
}

export interface ProblemCount {
  code: RowProblemCode;
  column: string;
  variable: string;
  count: number;
}

export interface MappingRunReport {
  rows: number;
  unmappedColumns: UnmappedColumnReport[];
  problems: ProblemCount[];
  /** Consistency fixes by `code:variable`. */
  consistency: Record<string, number>;
  /** Records left without a value, per standard variable. */
  missingByVariable: Record<string, number>;
}

const TRACKED_DISTINCT = 1000;

interface ColumnTally {
  column: string;
  variables: Set<string>;
  unmapped: number;
  defaulted: number;
  withheld: boolean;
  values: Map<string, number> | null;
  /** Last row and value counted: two rules reading one cell (age → band and status) count it once. */
  lastRow: number;
  lastValue: string;
}

/** What one piece of a file added to the counts: plain data, so it can cross threads. */
export interface RunPart {
  rows: number;
  /** Per watched column (by index): its unmapped values in the order first seen, with counts. */
  columns: { index: number; unmapped: number; defaulted: number; values: string[] | null; counts: number[] | null }[];
  problems: ProblemCount[];
  consistency: Record<string, number>;
  missing: Float64Array;
}

const problemKey = (p: RowProblem): string => `${p.code}\u0000${p.column}\u0000${p.variable}`;

/**
 * Counts what a compiled mapping could not map, with examples only where they are safe to show.
 * A file read in pieces (on several threads) gives the same counts: each piece's part is added in
 * file order, and the first distinct values kept are the ones a single reader would have kept.
 */
export class RunAccumulator {
  rows = 0;
  private readonly columns = new Map<number, ColumnTally>();
  private readonly problems = new Map<RowProblem, number>();
  private readonly findings = new Map<ConsistencyFinding, number>();
  /** Counts added from parts, by key (other threads' problems and findings are other objects). */
  private readonly partProblems = new Map<string, ProblemCount>();
  private readonly partConsistency = new Map<string, number>();
  private missing: Float64Array;

  /** `trackedDistinct`: unmapped values kept per column; unbounded when counting one piece for a part. */
  constructor(
    private readonly variableNames: readonly string[],
    private readonly maxExamples: number,
    private readonly trackedDistinct = TRACKED_DISTINCT,
  ) {
    this.missing = new Float64Array(variableNames.length);
  }

  watchColumn(index: number, column: string, variables: string[], withheld: boolean): void {
    const tally = this.columns.get(index) ?? { column, variables: new Set<string>(), unmapped: 0, defaulted: 0, withheld, values: null, lastRow: -1, lastValue: '' };
    variables.forEach((v) => tally.variables.add(v));
    // Withheld once means withheld: any rule treating the column as identifying wins.
    tally.withheld ||= withheld;
    tally.values = tally.withheld ? null : (tally.values ?? new Map());
    this.columns.set(index, tally);
  }

  unmapped(index: number, value: string): void {
    const tally = this.columns.get(index)!;
    if (tally.lastRow === this.rows && tally.lastValue === value) return;
    tally.lastRow = this.rows;
    tally.lastValue = value;
    tally.unmapped++;
    const values = tally.values;
    if (values === null) return;
    const seen = values.get(value);
    if (seen !== undefined) values.set(value, seen + 1);
    else if (values.size < this.trackedDistinct) values.set(value, 1);
  }

  defaulted(index: number): void {
    this.columns.get(index)!.defaulted++;
  }

  problem(p: RowProblem): void {
    this.problems.set(p, (this.problems.get(p) ?? 0) + 1);
  }

  finding(f: ConsistencyFinding): void {
    this.findings.set(f, (this.findings.get(f) ?? 0) + 1);
  }

  countMissing(values: readonly (string | null)[]): void {
    for (let i = 0; i < values.length; i++) if (values[i] === null) this.missing[i]++;
  }

  /** Hands over everything counted since the last call, and starts again from zero. */
  takePart(): RunPart {
    const part: RunPart = {
      rows: this.rows,
      columns: [...this.columns].map(([index, t]) => ({
        index, unmapped: t.unmapped, defaulted: t.defaulted,
        values: t.values ? [...t.values.keys()] : null,
        counts: t.values ? [...t.values.values()] : null,
      })),
      problems: this.problemCounts(),
      consistency: this.consistencyCounts(),
      missing: this.missing,
    };
    this.rows = 0;
    for (const t of this.columns.values()) {
      t.unmapped = 0;
      t.defaulted = 0;
      t.values = t.values ? new Map() : null;
      t.lastRow = -1;
    }
    this.problems.clear();
    this.findings.clear();
    this.partProblems.clear();
    this.partConsistency.clear();
    this.missing = new Float64Array(this.variableNames.length);
    return part;
  }

  /** Adds a part counted elsewhere (the next piece of the file, in order). */
  absorb(part: RunPart): void {
    this.rows += part.rows;
    for (const c of part.columns) {
      const tally = this.columns.get(c.index)!;
      tally.unmapped += c.unmapped;
      tally.defaulted += c.defaulted;
      if (tally.values !== null && c.values !== null) addFirstKept(tally.values, c.values, c.counts!, this.trackedDistinct);
    }
    for (const p of part.problems) {
      const key = problemKey(p);
      const seen = this.partProblems.get(key);
      if (seen) seen.count += p.count;
      else this.partProblems.set(key, { ...p });
    }
    for (const [key, n] of Object.entries(part.consistency)) this.partConsistency.set(key, (this.partConsistency.get(key) ?? 0) + n);
    for (let i = 0; i < this.missing.length; i++) this.missing[i] += part.missing[i];
  }

  private problemCounts(): ProblemCount[] {
    const counts = new Map<string, ProblemCount>();
    for (const p of this.partProblems.values()) counts.set(problemKey(p), { ...p });
    for (const [p, count] of this.problems) {
      const key = problemKey(p);
      const seen = counts.get(key);
      if (seen) seen.count += count;
      else counts.set(key, { code: p.code, column: p.column, variable: p.variable, count });
    }
    return [...counts.values()];
  }

  private consistencyCounts(): Record<string, number> {
    const consistency: Record<string, number> = Object.fromEntries(this.partConsistency);
    for (const [f, n] of this.findings) consistency[findingKey(f)] = (consistency[findingKey(f)] ?? 0) + n;
    return consistency;
  }

  report(): MappingRunReport {
    const unmappedColumns = [...this.columns.values()]
      .filter((t) => t.unmapped > 0 || t.defaulted > 0)
      .map((t) => ({
        column: t.column,
        variables: [...t.variables],
        unmapped: t.unmapped,
        defaulted: t.defaulted,
        examples: t.values ? topValues(t.values, this.maxExamples) : [],
        examplesWithheld: t.withheld,
        distinctUnmapped: t.values ? t.values.size : null,
      }))
      .sort((a, b) => b.unmapped - a.unmapped);
    const problems = this.problemCounts().sort((a, b) => b.count - a.count);
    const missingByVariable: Record<string, number> = {};
    this.variableNames.forEach((name, i) => (missingByVariable[name] = this.missing[i]));
    return { rows: this.rows, unmappedColumns, problems, consistency: this.consistencyCounts(), missingByVariable };
  }
}

function topValues(values: Map<string, number>, n: number): ValueCount[] {
  return [...values]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([value, count]) => ({ value, count }));
}
