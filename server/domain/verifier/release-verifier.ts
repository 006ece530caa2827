import { identifierKindOf, IdentifierKind, looksLikeName } from './identifier-patterns';

export type ViolationKind = 'missing-column' | 'k-anonymity' | 'l-diversity' | 'identifier' | 'row-count';

export interface Violation {
  kind: ViolationKind;
  message: string;
  column?: string;
  /** 1-based data row numbers (header excluded), at most a few. */
  rows?: number[];
  /** QI values of the offending class (these are published values, not identifiers). */
  classValues?: Record<string, string>;
  identifierKind?: IdentifierKind | 'name';
}

export interface VerificationReport {
  ok: boolean;
  k: number;
  l: number | null;
  rows: number;
  classes: number;
  smallestClass: number | null;
  /** How many violations of each kind were found; `violations` lists at most a few per kind. */
  violationCounts: Record<ViolationKind, number>;
  violations: Violation[];
}

export interface VerificationOptions {
  qis: readonly string[];
  k: number;
  lDiversity?: { variable: string; l: number };
  expectedRows?: number;
  /** Values known to be category labels, exempt from the name check (e.g. the codebook's labels). */
  allowedValues?: Iterable<string>;
  /** Listed violations per kind; the counts stay exact. Default 20. */
  maxListedPerKind?: number;
}

interface ClassTally {
  count: number;
  firstRow: number;
  sensitive?: Set<string>;
}

/**
 * Checks published rows one at a time (so a large CSV streams through it): k-anonymity and
 * distinct l-diversity on the QIs, identifier-looking values in every column, and the row count.
 * Shares no code with the anonymization engine.
 */
export class ReleaseVerifier {
  private rowCount = 0;
  private readonly tallies = new Map<string, ClassTally>();
  private readonly nameCandidates = new Map<string, { column: string; count: number; rows: number[] }>();
  private readonly violations: Violation[] = [];
  private readonly counts: Record<ViolationKind, number> = { 'missing-column': 0, 'k-anonymity': 0, 'l-diversity': 0, identifier: 0, 'row-count': 0 };
  private readonly allowed: Set<string>;
  private readonly verdicts = new Map<string, IdentifierKind | 'name-like' | null>();
  private checkedColumns = false;

  constructor(private readonly options: VerificationOptions) {
    this.allowed = new Set(options.allowedValues ?? []);
  }

  addRow(row: Readonly<Record<string, string | null | undefined>>): void {
    this.rowCount++;
    const rowNumber = this.rowCount;
    if (!this.checkedColumns) this.checkColumns(Object.keys(row));
    const values = this.options.qis.map((qi) => row[qi] ?? '');
    const key = JSON.stringify(values);
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = { count: 0, firstRow: rowNumber, sensitive: this.options.lDiversity ? new Set() : undefined };
      this.tallies.set(key, tally);
    }
    tally.count++;
    if (this.options.lDiversity) tally.sensitive!.add(row[this.options.lDiversity.variable] ?? '');
    for (const [column, cell] of Object.entries(row)) {
      if (!cell) continue;
      const kind = this.verdict(cell);
      if (kind === 'name-like') {
        const candidateKey = `${column}\u0000${cell.trim()}`;
        const candidate = this.nameCandidates.get(candidateKey) ?? { column, count: 0, rows: [] };
        candidate.count++;
        if (candidate.rows.length < 3) candidate.rows.push(rowNumber);
        this.nameCandidates.set(candidateKey, candidate);
      } else if (kind) {
        this.report({ kind: 'identifier', column, rows: [rowNumber], identifierKind: kind, message: `column ${column}, row ${rowNumber}: a value looks like an identifier (${kind})` });
      }
    }
  }

  /** Published columns hold few distinct values, so each is judged once. */
  private verdict(cell: string): IdentifierKind | 'name-like' | null {
    const known = this.verdicts.get(cell);
    if (known !== undefined) return known;
    const kind = identifierKindOf(cell) ?? (looksLikeName(cell) && !this.allowed.has(cell.trim()) ? 'name-like' : null);
    if (this.verdicts.size < 200_000) this.verdicts.set(cell, kind);
    return kind;
  }

  finish(): VerificationReport {
    const { k, lDiversity, expectedRows } = this.options;
    if (!this.checkedColumns) this.checkColumns(null);
    let smallest: number | null = null;
    for (const [key, tally] of this.tallies) {
      smallest = smallest === null ? tally.count : Math.min(smallest, tally.count);
      const classValues = this.classValues(key);
      if (tally.count < k) {
        this.report({ kind: 'k-anonymity', rows: [tally.firstRow], classValues, message: `a class of ${tally.count} rows is smaller than k = ${k}` });
      }
      if (lDiversity && tally.sensitive!.size < lDiversity.l) {
        this.report({
          kind: 'l-diversity',
          rows: [tally.firstRow],
          classValues,
          message: `a class holds ${tally.sensitive!.size} distinct values of ${lDiversity.variable}, fewer than l = ${lDiversity.l}`,
        });
      }
    }
    for (const candidate of this.nameCandidates.values()) {
      // A category label repeats across many rows; a person's name is rare.
      if (candidate.count >= k) continue;
      this.report({ kind: 'identifier', column: candidate.column, rows: candidate.rows, identifierKind: 'name', message: `column ${candidate.column}: a rare value looks like a person's name` });
    }
    if (expectedRows !== undefined && expectedRows !== this.rowCount) {
      this.report({ kind: 'row-count', message: `${this.rowCount} rows, the manifest says ${expectedRows}` });
    }
    return {
      ok: this.violations.length === 0,
      k,
      l: lDiversity?.l ?? null,
      rows: this.rowCount,
      classes: this.tallies.size,
      smallestClass: smallest,
      violationCounts: { ...this.counts },
      violations: [...this.violations],
    };
  }

  /** Checks the header once; null means no row arrived, so the header is unknown. */
  checkColumns(columns: readonly string[] | null): void {
    this.checkedColumns = true;
    if (columns === null) return;
    const required = [...this.options.qis, ...(this.options.lDiversity ? [this.options.lDiversity.variable] : [])];
    for (const column of required) {
      if (!columns.includes(column)) this.report({ kind: 'missing-column', column, message: `column ${column} is missing` });
    }
  }

  private classValues(key: string): Record<string, string> {
    const values = JSON.parse(key) as string[];
    return Object.fromEntries(this.options.qis.map((qi, q) => [qi, values[q]]));
  }

  private report(violation: Violation): void {
    this.counts[violation.kind]++;
    const listed = this.violations.filter((v) => v.kind === violation.kind).length;
    if (listed < (this.options.maxListedPerKind ?? 20)) this.violations.push(violation);
  }
}

/** Verifies rows already in memory (objects of column → value). */
export function verifyRows(rows: Iterable<Readonly<Record<string, string | null | undefined>>>, options: VerificationOptions): VerificationReport {
  const verifier = new ReleaseVerifier(options);
  for (const row of rows) verifier.addRow(row);
  return verifier.finish();
}
