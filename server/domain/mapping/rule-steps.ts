import { deriveAgeBand, getLayout, type CodeVariable, type StandardDefinition } from '../standard';
import { fullYearsBetween, parseDateLenient, parseYear, type CalendarDate } from './parse-date';
import { ADULT_AGE, UNMAPPED, type CellResolver } from './resolve-cell';
import type { RowProblem, RowProblemCode, RunAccumulator } from './run-accumulator';
import type { SourceHeader } from './source-header';
import type { DateOrder, RuleOf } from './spec-schema';
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

export interface FlagsParse {
  missing: boolean;
  /** Record positions of the flags set to 1. */
  ones: number[];
  /** Every code was mapped, so the flags it does not name can be 0. */
  complete: boolean;
  unmapped: string[];
}

/** Splits a multi-value cell into codes and looks each up; shared by the engine and coverage. */
export function multiValueParser(standard: StandardDefinition, rule: RuleOf<'flags_from_multi_value'>, missing: Set<string>): (cell: string) => FlagsParse {
  const layout = getLayout(standard);
  const map = new Map(Object.entries(rule.valueMap).map(([code, flags]) => [valueKey(code), flags.map((f) => layout.index(f))]));
  const split = new RegExp(rule.separators.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
  return (cell) => {
    const ones = new Set<number>();
    const unmapped: string[] = [];
    let tokens = 0;
    let unknown = false;
    for (const raw of cell.split(split)) {
      const token = raw.trim();
      const key = valueKey(token);
      const flags = map.get(key);
      if (flags !== undefined) flags.forEach((f) => ones.add(f));
      else if (missing.has(key)) {
        // "Threats;Unknown": the list is not the whole story, so unnamed flags are not 0.
        unknown ||= token !== '';
        continue;
      } else unmapped.push(token);
      tokens++;
    }
    return { missing: tokens === 0, ones: [...ones], complete: unmapped.length === 0 && !unknown, unmapped };
  };
}

export function flagsStep(ctx: StepContext, rule: RuleOf<'flags_from_multi_value'>): Step {
  const layout = getLayout(ctx.standard);
  const col = ctx.header.indexOf(rule.column);
  const targets = rule.targets.map((t) => layout.index(t));
  const absentZero = rule.absentMeans === 'zero';
  const groups = new Set(rule.targets.map((t) => layout.variable(t).group));
  const fed = groups.size === 1 ? [...groups][0] : rule.targets.join(',');
  const unmappedProblem = problem('unmapped_value', rule.column, fed);
  const parse = multiValueParser(ctx.standard, rule, ctx.missing);
  const cache = new Map<string, FlagsParse>();
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
export interface BirthDateSource {
  target: string;
  birthDateColumn: string;
  dateFormat: DateOrder;
  reference: { column: string; dateFormat?: DateOrder } | { year: number };
}

export function birthDateStep(ctx: StepContext, rule: BirthDateSource, yields: 'age_band' | 'majority'): Step {
  const layout = getLayout(ctx.standard);
  const t = layout.index(rule.target);
  const variable = layout.variable(rule.target) as CodeVariable;
  const outcome =
    yields === 'age_band'
      ? (age: number) => deriveAgeBand(age, variable.ageBands)
      : (age: number) => (deriveAgeBand(age) === null ? null : age < ADULT_AGE ? 'Minor' : 'Adult');
  const missing = ctx.missing;
  const birthCol = ctx.header.indexOf(rule.birthDateColumn);
  const birth = memoDates<CalendarDate>((cell) => (missing.has(valueKey(cell)) ? null : (parseDateLenient(cell, rule.dateFormat) ?? UNMAPPED)));
  const ref = rule.reference;
  const refCol = 'column' in ref ? ctx.header.indexOf(ref.column) : -1;
  const refOrder = 'column' in ref ? (ref.dateFormat ?? rule.dateFormat) : rule.dateFormat;
  const fixedYear: Reference | null = 'year' in ref ? { year: ref.year, month: 0, day: 0 } : null;
  const reference = memoDates<Reference>((cell) => {
    if (missing.has(valueKey(cell))) return null;
    const date = parseDateLenient(cell, refOrder);
    if (date) return date;
    // A bare year, or a date whose day/month order is unclear: its year is still certain.
    const year = parseYear(cell);
    return year === null ? UNMAPPED : { year, month: 0, day: 0 };
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

/** The age cell first; when it is empty (not unreadable), the birth date. */
export function withBirthDateFallback(primary: Step, resolve: CellResolver, ageColumn: number, fallback: Step): Step {
  return (row, values, problems) => {
    primary(row, values, problems);
    if (resolve(row[ageColumn] ?? '') === null) fallback(row, values, problems);
  };
}
