import type { FileProfile } from '../profiling/types';
import { compileConsistency, compileDerivations, getLayout, type CodeVariable, type StandardDefinition } from '../standard';
import {
  ageBandResolver,
  binaryResolver,
  copyResolver,
  countryResolver,
  majorityResolver,
  memoise,
  yearResolver,
  type CellResolver,
} from './resolve-cell';
import { birthDateStep, cellStep, flagsStep, withBirthDateFallback, type Step, type StepContext } from './rule-steps';
import { RunAccumulator, type MappingRunReport, type RowProblem, type RunPart } from './run-accumulator';
import { readSourceHeader } from './source-header';
import { MappingSpecSchema, ruleColumns, ruleTargets, type MappingRule, type MappingSpecInput } from './spec-schema';
import { checkMappingStructure, identifierCopies, profileIdentifiers, type MappingIssue } from './validate-mapping';
import { missingKeySet } from './value-key';

export interface CompileOptions {
  /** The file's profile: its identifier columns never give examples of unmapped values. */
  profile?: FileProfile;
  /** More columns whose values must never be shown. */
  identifierColumns?: Iterable<string>;
  /** Examples of unmapped values kept per column (default 10). */
  maxExamples?: number;
  /**
   * Counts pieces of a file for takePart(), to be added up in order elsewhere: every distinct
   * unmapped value of a piece is kept, so that the sum keeps the ones a single reader would.
   */
  countingPieces?: boolean;
}

export interface MappedRow {
  /** In the standard's column order; null = missing (an empty cell once published). */
  values: (string | null)[];
  problems: readonly RowProblem[];
}

export interface CompiledMapping {
  standard: StandardDefinition;
  /** The standard's published column order, the order of `values`. */
  columns: readonly string[];
  /** Maps one source row (cells in the header's order). Safe to pass around unbound. */
  apply: (row: readonly string[]) => MappedRow;
  /**
   * The allocation-free variant for bulk runs: overwrites `values` (length = columns.length) and
   * returns the row's problems, valid until the next call.
   */
  applyInto: (row: readonly string[], values: (string | null)[]) => readonly RowProblem[];
  /** Counts so far: unmapped values per source column, problems, consistency fixes. */
  report(): MappingRunReport;
  /** The counts since the last call, handed over (see CompileOptions.countingPieces). */
  takePart(): RunPart;
  /** Adds the counts of the next piece of the file, mapped elsewhere. */
  absorb(part: RunPart): void;
}

export class MappingCompileError extends Error {
  constructor(readonly issues: MappingIssue[]) {
    super(`The mapping cannot be applied: ${issues.map((i) => i.message).join('; ')}`);
    this.name = 'MappingCompileError';
  }
}

const NO_PROBLEMS: readonly RowProblem[] = Object.freeze([]);

function resolverFor(rule: MappingRule, ctx: StepContext): CellResolver | null {
  const layout = getLayout(ctx.standard);
  switch (rule.kind) {
    case 'copy':
      return copyResolver(rule, ctx.standard, layout.variable(rule.target), ctx.missing);
    case 'binary':
      return binaryResolver(rule, ctx.missing);
    case 'country':
      return countryResolver(rule, ctx.missing);
    case 'age_band_from_age':
      return ageBandResolver(layout.variable(rule.target) as CodeVariable, ctx.missing);
    case 'majority_from_age':
      return majorityResolver(ctx.missing);
    case 'year_from_date':
      return yearResolver(rule, ctx.standard, ctx.missing);
    default:
      return null;
  }
}

function stepFor(rule: MappingRule, ctx: StepContext): Step | null {
  switch (rule.kind) {
    case 'flags_from_multi_value':
      return flagsStep(ctx, rule);
    case 'age_band_from_birth_date':
      return birthDateStep(ctx, rule, 'age_band');
    case 'majority_from_birth_date':
      return birthDateStep(ctx, rule, 'majority');
    case 'constant':
    case 'not_collected':
      return null;
  }
  const resolve = memoise(resolverFor(rule, ctx)!);
  const step = cellStep(ctx, rule, resolve);
  if ((rule.kind === 'age_band_from_age' || rule.kind === 'majority_from_age') && rule.birthDate) {
    const fallback = birthDateStep(ctx, { target: rule.target, ...rule.birthDate }, rule.kind === 'age_band_from_age' ? 'age_band' : 'majority');
    return withBirthDateFallback(step, resolve, ctx.header.indexOf(rule.column), fallback);
  }
  return step;
}

/** Columns whose values may identify someone, so never shown as examples. */
function withheldColumns(rules: MappingRule[], dropColumns: string[], identifiers: ReadonlyMap<string, string>): Set<string> {
  const withheld = new Set<string>([...dropColumns, ...identifiers.keys()]);
  for (const rule of rules) {
    if (rule.kind === 'year_from_date' || rule.kind === 'age_band_from_birth_date' || rule.kind === 'majority_from_birth_date') {
      ruleColumns(rule).forEach((c) => withheld.add(c));
    } else if ((rule.kind === 'age_band_from_age' || rule.kind === 'majority_from_age') && rule.birthDate) {
      ruleColumns(rule).slice(1).forEach((c) => withheld.add(c));
    }
  }
  return withheld;
}

/**
 * Compiles a mapping version for one file layout into a row function. Values nobody mapped become
 * missing and are counted per source column; nothing is guessed. Then the standard's consistency
 * rules fix what is derivable, and the derived variables are computed.
 */
export function compileMapping(
  specInput: MappingSpecInput,
  sourceHeader: readonly string[],
  standard: StandardDefinition,
  options: CompileOptions = {},
): CompiledMapping {
  const spec = MappingSpecSchema.parse(specInput);
  const identifiers = profileIdentifiers(options.profile);
  for (const c of options.identifierColumns ?? []) identifiers.set(c, identifiers.get(c) ?? 'identifier');
  // Checked again here, not only at approval: nothing may copy an identifier into a record.
  const issues = [...checkMappingStructure(spec, { standard, header: sourceHeader }), ...identifierCopies(spec, identifiers)];
  if (issues.length > 0) throw new MappingCompileError(issues);

  const layout = getLayout(standard);
  const header = readSourceHeader(sourceHeader);
  const acc = new RunAccumulator(layout.columns, options.maxExamples ?? 10, options.countingPieces ? Number.POSITIVE_INFINITY : undefined);
  const ctx: StepContext = { standard, header, acc, missing: missingKeySet(spec.missingValues) };
  const withheld = withheldColumns(spec.rules, spec.dropColumns, identifiers);

  const template: (string | null)[] = new Array(layout.columns.length).fill(null);
  const steps: Step[] = [];
  for (const rule of spec.rules) {
    for (const column of ruleColumns(rule)) {
      acc.watchColumn(header.indexOf(column), column, ruleTargets(rule), withheld.has(column));
    }
    if (rule.kind === 'constant') template[layout.index(rule.target)] = rule.value;
    const step = stepFor(rule, ctx);
    if (step) steps.push(step);
  }

  const consistency = compileConsistency(standard);
  const derive = compileDerivations(standard);
  const scratch: RowProblem[] = [];
  const width = template.length;
  const run = (row: readonly string[], values: (string | null)[]): void => {
    scratch.length = 0;
    for (let i = 0; i < steps.length; i++) steps[i](row, values, scratch);
    const findings = consistency(values);
    for (let i = 0; i < findings.length; i++) acc.finding(findings[i]);
    derive(values);
    acc.countMissing(values);
    acc.rows++;
  };
  const applyInto = (row: readonly string[], values: (string | null)[]): readonly RowProblem[] => {
    for (let i = 0; i < width; i++) values[i] = template[i];
    run(row, values);
    return scratch.length === 0 ? NO_PROBLEMS : scratch;
  };
  const apply = (row: readonly string[]): MappedRow => {
    const values = template.slice();
    run(row, values);
    return { values, problems: scratch.length === 0 ? NO_PROBLEMS : scratch.slice() };
  };
  return {
    standard, columns: layout.columns, apply, applyInto,
    report: () => acc.report(),
    takePart: () => acc.takePart(),
    absorb: (part) => acc.absorb(part),
  };
}
