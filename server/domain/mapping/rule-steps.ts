import { deriveAgeBand, getLayout, type CodeVariable, type StandardDefinition } from '../standard';
import { fullYearsBetween, parseDate, type CalendarDate } from './parse-date';
import { ADULT_AGE, UNMAPPED, type CellResolver } from './resolve-cell';
import type { RowProblem, RowProblemCode, RunAccumulator } from './run-accumulator';
import type { SourceHeader } from './source-header';
import type { RuleOf } from './spec-schema';
import { valueKey } from './value-key';

/** Writes one rule's variables of one record. */
export type Step = (row: readonly string[], values: (string | null)[], problems: RowProblem[]) => void;

export interface StepContext {
  standard: StandardDefinition;
  header: SourceHeader;
  acc: RunAccumulator;
  missing: Set<string>;
}

const problem = (code: RowProblemCode, column: string, variable: string): RowProblem => Object.freeze({ code, column, variable });

/** A rule reading one cell into one variable through a (memoised) resolver. */
export function cellStep(ctx: StepContext, rule: { column: string; target: string; default?: string }, resolve: CellResolver): Step {
  const col = ctx.header.indexOf(rule.column);
  const t = getLayout(ctx.standard).index(rule.target);
  const unmapped = problem('unmapped_value', rule.column, rule.target);
  const defaulted = problem('defaulted_value', rule.column, rule.target);
  const fallback = rule.default;
  const acc = ctx.acc;
  return (row, values, problems) => {
    const cell = row[col] ?? '';
    const r = resolve(cell);
    if (r !== UNMAPPED) {
      values[t] = r;
    } else if (fallback !== undefined) {
      values[t] = fallback;
      acc.defaulted(col);
      acc.problem(defaulted);
      problems.push(defaulted);
    } else {
      values[t] = null;
      acc.unmapped(col, cell.trim());
      acc.problem(unmapped);
      problems.push(unmapped);
    }
  };
}

interface FlagsParse {
  missing: boolean;
  ones: number[];
  /** Every code was mapped, so the flags it does not name can be 0. */
  complete: boolean;
  unmapped: string[];
}

export function flagsStep(ctx: StepContext, rule: RuleOf<'flags_from_multi_value'>): Step {
  const layout = getLayout(ctx.standard);
  const col = ctx.header.indexOf(rule.column);
  const targets = rule.targets.map((t) => layout.index(t));
  const map = new Map(Object.entries(rule.valueMap).map(([code, flags]) => [valueKey(code), flags.map((f) => layout.index(f))]));
  const split = new RegExp(rule.separators.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
  const absentZero = rule.absentMeans === 'zero';
  const groups = new Set(rule.targets.map((t) => layout.variable(t).group));
  const fed = groups.size === 1 ? [...groups][0] : rule.targets.join(',');
  const unmappedProblem = problem('unmapped_value', rule.column, fed);
  const cache = new Map<string, FlagsParse>();
  const parse = (cell: string): FlagsParse => {
    const ones = new Set<number>();
    const unmapped: string[] = [];
    let tokens = 0;
    for (const raw of cell.split(split)) {
      const token = raw.trim();
      const key = valueKey(token);
      const flags = map.get(key);
      if (flags !== undefined) flags.forEach((f) => ones.add(f));
      else if (ctx.missing.has(key)) continue;
      else unmapped.push(token);
      tokens++;
    }
    return { missing: tokens === 0, ones: [...ones], complete: unmapped.length === 0, unmapped };
  };
  const acc = ctx.acc;
  return (row, values, problems) => {
    const cell = row[col] ?? '';
    let p = cache.get(cell);
    if (p === undefined) {
      p = parse(cell);
      if (cache.size < 50_000) cache.set(cell, p);
    }
    const fill = p.missing || !p.complete || !absentZero ? null : '0';
    for (let i = 0; i < targets.length; i++) values[targets[i]] = fill;
    for (let i = 0; i < p.ones.length; i++) values[p.ones[i]] = '1';
    if (p.unmapped.length > 0) {
      for (const token of p.unmapped) acc.unmapped(col, token);
      acc.problem(unmappedProblem);
      problems.push(unmappedProblem);
    }
  };
}

type Reference = CalendarDate | { year: number; month: 0; day: 0 };
type Parsed<T> = T | null | typeof UNMAPPED;

function memoDates<T>(parse: (cell: string) => Parsed<T>): (cell: string) => Parsed<T> {
  const cache = new Map<string, Parsed<T>>();
  return (cell) => {
    let r = cache.get(cell);
    if (r === undefined) {
      r = parse(cell);
      if (cache.size < 100_000) cache.set(cell, r);
    }
    return r;
  };
}

/** Age band or majority status from a birth date and a registration date (or year). */
export function birthDateStep(ctx: StepContext, rule: RuleOf<'age_band_from_birth_date'> | RuleOf<'majority_from_birth_date'>): Step {
  const layout = getLayout(ctx.standard);
  const t = layout.index(rule.target);
  const variable = layout.variable(rule.target) as CodeVariable;
  const outcome =
    rule.kind === 'age_band_from_birth_date'
      ? (age: number) => deriveAgeBand(age, variable.ageBands)
      : (age: number) => (deriveAgeBand(age) === null ? null : age < ADULT_AGE ? 'Minor' : 'Adult');
  const missing = ctx.missing;
  const birthCol = ctx.header.indexOf(rule.birthDateColumn);
  const birth = memoDates<CalendarDate>((cell) => (missing.has(valueKey(cell)) ? null : (parseDate(cell, rule.dateFormat) ?? UNMAPPED)));
  const ref = rule.reference;
  const refCol = 'column' in ref ? ctx.header.indexOf(ref.column) : -1;
  const refOrder = 'column' in ref ? (ref.dateFormat ?? rule.dateFormat) : rule.dateFormat;
  const fixedYear: Reference | null = 'year' in ref ? { year: ref.year, month: 0, day: 0 } : null;
  const reference = memoDates<Reference>((cell) => {
    if (missing.has(valueKey(cell))) return null;
    if (/^\s*\d{4}\s*$/.test(cell)) return { year: Number(cell), month: 0, day: 0 };
    return parseDate(cell, refOrder) ?? UNMAPPED;
  });
  const refColumn = 'column' in ref ? ref.column : '';
  const p = {
    birth: problem('unmapped_value', rule.birthDateColumn, rule.target),
    reference: problem('unmapped_value', refColumn, rule.target),
    refMissing: problem('reference_date_missing', refColumn, rule.target),
    ambiguous: problem('age_ambiguous', rule.birthDateColumn, rule.target),
  };
  const acc = ctx.acc;
  const flag = (pr: RowProblem, problems: RowProblem[]) => {
    acc.problem(pr);
    problems.push(pr);
  };
  return (row, values, problems) => {
    values[t] = null;
    const b = birth(row[birthCol] ?? '');
    if (b === null) return;
    if (b === UNMAPPED) return (acc.unmapped(birthCol, ''), flag(p.birth, problems));
    const r = fixedYear ?? reference(row[refCol] ?? '');
    if (r === null) return flag(p.refMissing, problems);
    if (r === UNMAPPED) return (acc.unmapped(refCol, ''), flag(p.reference, problems));
    let out: string | null;
    if (r.month !== 0) {
      out = outcome(fullYearsBetween(b, r as CalendarDate));
    } else {
      // Only the year is known: the age is one of two values; refuse to pick between outcomes.
      const upper = r.year - b.year;
      const high = outcome(upper);
      const low = upper >= 1 ? outcome(upper - 1) : high;
      if (low !== high) return flag(p.ambiguous, problems);
      out = high;
    }
    if (out === null) return (acc.unmapped(birthCol, ''), flag(p.birth, problems));
    values[t] = out;
  };
}
