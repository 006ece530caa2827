import type { FileProfile } from '../profiling/types';
import { getLayout, isValidValue, type StandardDefinition, type StandardVariable } from '../standard';
import { ABSENT, DUPLICATE, readSourceHeader } from './source-header';
import { MappingSpecSchema, ruleColumns, ruleTargets, type MappingRule, type MappingSpec } from './spec-schema';
import { valueKey } from './value-key';

export type MappingIssueCode =
  | 'invalid_spec'
  | 'wrong_standard'
  | 'unknown_variable'
  | 'derived_variable_mapped'
  | 'incompatible_rule'
  | 'duplicate_target'
  | 'invalid_code'
  | 'conflicting_value_map'
  | 'unknown_column'
  | 'ambiguous_column'
  | 'identifier_published'
  | 'dropped_column_published'
  | 'no_rule'
  | 'identifier_not_dropped';

export interface MappingIssue {
  code: MappingIssueCode;
  message: string;
  column?: string;
  variable?: string;
  path?: string;
}

export type MappingValidation =
  | { ok: true; spec: MappingSpec; warnings: MappingIssue[] }
  | { ok: false; errors: MappingIssue[]; warnings: MappingIssue[] };

export interface MappingContext {
  standard: StandardDefinition;
  /** The partner file's header, as found in the file. */
  header: readonly string[];
  /** Its profile: identifier flags make copies of those columns refusable. */
  profile?: FileProfile;
}

/** Which rule kinds may feed which variable kinds. */
function compatible(rule: MappingRule, v: StandardVariable): boolean {
  switch (rule.kind) {
    case 'copy':
    case 'constant':
    case 'not_collected':
      return v.kind !== 'derived';
    case 'age_band_from_age':
    case 'age_band_from_birth_date':
      return v.kind === 'code' && v.ageBands !== undefined;
    case 'majority_from_age':
    case 'majority_from_birth_date':
      return v.kind === 'code' && ['Minor', 'Adult'].every((c) => v.values.some((x) => x.code === c));
    case 'year_from_date':
      return v.kind === 'year';
    case 'flags_from_multi_value':
    case 'binary':
      return v.kind === 'binary';
    case 'country':
      return v.kind === 'country';
  }
}

function checkRule(rule: MappingRule, path: string, ctx: MappingContext, issues: MappingIssue[]): void {
  const layout = getLayout(ctx.standard);
  const targets = ruleTargets(rule);
  for (const target of targets) {
    if (!layout.indexOf.has(target)) {
      issues.push({ code: 'unknown_variable', variable: target, path, message: `"${target}" is not a variable of ${ctx.standard.id}` });
      continue;
    }
    const v = layout.variable(target);
    if (v.kind === 'derived') {
      issues.push({ code: 'derived_variable_mapped', variable: target, path, message: `${target} is computed from its flags and cannot be mapped` });
    } else if (!compatible(rule, v)) {
      issues.push({ code: 'incompatible_rule', variable: target, path, message: `A ${rule.kind} rule cannot feed ${target} (a ${v.kind} variable)` });
    }
  }
  const invalid = (variable: string, code: string) =>
    issues.push({ code: 'invalid_code', variable, path, message: `"${code}" is not a valid value of ${variable}` });
  if (rule.kind === 'copy' && layout.indexOf.has(rule.target)) {
    for (const code of Object.values(rule.valueMap)) if (!isValidValue(ctx.standard, rule.target, code)) invalid(rule.target, code);
    if (rule.default !== undefined && !isValidValue(ctx.standard, rule.target, rule.default)) invalid(rule.target, rule.default);
    checkMapKeys(rule.valueMap, rule.column, rule.target, path, issues);
  }
  if (rule.kind === 'constant' && layout.indexOf.has(rule.target) && !isValidValue(ctx.standard, rule.target, rule.value)) {
    invalid(rule.target, rule.value);
  }
  if (rule.kind === 'flags_from_multi_value') {
    for (const flags of Object.values(rule.valueMap)) {
      for (const f of flags) {
        if (!targets.includes(f)) {
          issues.push({ code: 'invalid_code', variable: f, column: rule.column, path, message: `Value map of "${rule.column}" sets ${f}, which is not among the rule's targets` });
        }
      }
    }
  }
}

/** Two source spellings that match the same key must not map to different codes. */
function checkMapKeys(map: Record<string, string>, column: string, variable: string, path: string, issues: MappingIssue[]) {
  const seen = new Map<string, string>();
  for (const [source, code] of Object.entries(map)) {
    const key = valueKey(source);
    const prior = seen.get(key);
    if (prior !== undefined && prior !== code) {
      issues.push({ code: 'conflicting_value_map', column, variable, path, message: `"${source}" in "${column}" maps to both ${prior} and ${code}` });
    }
    seen.set(key, code);
  }
}

/** Structure only: variables, kinds, codes, columns. Needs no profile. */
export function checkMappingStructure(spec: MappingSpec, ctx: MappingContext): MappingIssue[] {
  const issues: MappingIssue[] = [];
  if (spec.standardId !== ctx.standard.id) {
    issues.push({ code: 'wrong_standard', message: `The mapping targets ${spec.standardId}, not ${ctx.standard.id}` });
  }
  const header = readSourceHeader(ctx.header);
  const checkColumn = (column: string, path: string) => {
    const i = header.indexOf(column);
    if (i === ABSENT) issues.push({ code: 'unknown_column', column, path, message: `Column "${column}" does not exist in the file` });
    if (i === DUPLICATE) issues.push({ code: 'ambiguous_column', column, path, message: `Column "${column}" appears more than once in the file` });
  };
  spec.dropColumns.forEach((c, i) => checkColumn(c, `dropColumns.${i}`));
  const targeted = new Set<string>();
  spec.rules.forEach((rule, i) => {
    const path = `rules.${i}`;
    checkRule(rule, path, ctx, issues);
    for (const c of ruleColumns(rule)) checkColumn(c, path);
    for (const t of ruleTargets(rule)) {
      if (targeted.has(t)) issues.push({ code: 'duplicate_target', variable: t, path, message: `${t} is fed by more than one rule` });
      targeted.add(t);
    }
  });
  return issues;
}

/**
 * Copies of identifier or dropped columns into published variables. `identifiers` maps a column
 * to its identifier kind (from the profile, or given by the caller).
 */
export function identifierCopies(spec: MappingSpec, identifiers: ReadonlyMap<string, string>): MappingIssue[] {
  const dropped = new Set(spec.dropColumns);
  const issues: MappingIssue[] = [];
  spec.rules.forEach((rule, i) => {
    if (rule.kind !== 'copy') return;
    const kind = identifiers.get(rule.column);
    if (kind) {
      issues.push({
        code: 'identifier_published',
        column: rule.column,
        variable: rule.target,
        path: `rules.${i}`,
        message: `Column "${rule.column}" looks like a direct identifier (${kind.replace(/_/g, ' ')}) and cannot be copied into ${rule.target}. Drop it, or derive a standard value from it with another rule.`,
      });
    } else if (dropped.has(rule.column)) {
      issues.push({
        code: 'dropped_column_published',
        column: rule.column,
        variable: rule.target,
        path: `rules.${i}`,
        message: `Column "${rule.column}" is marked drop and cannot be copied into ${rule.target}`,
      });
    }
  });
  return issues;
}

export function profileIdentifiers(profile: FileProfile | undefined): Map<string, string> {
  return new Map((profile?.columns ?? []).filter((c) => c.identifier).map((c) => [c.name, c.identifier!.kind]));
}

function warningsFor(spec: MappingSpec, ctx: MappingContext): MappingIssue[] {
  const warnings: MappingIssue[] = [];
  const targeted = new Set(spec.rules.flatMap(ruleTargets));
  for (const v of ctx.standard.variables) {
    if (v.kind !== 'derived' && !targeted.has(v.name)) {
      warnings.push({ code: 'no_rule', variable: v.name, message: `${v.name} has no rule and will be empty (mark it not_collected to say so)` });
    }
  }
  const dropped = new Set(spec.dropColumns);
  for (const c of ctx.profile?.columns ?? []) {
    if (c.identifier && !dropped.has(c.name)) {
      warnings.push({ code: 'identifier_not_dropped', column: c.name, message: `Column "${c.name}" looks like a direct identifier (${c.identifier.kind}); mark it drop` });
    }
  }
  return warnings;
}

/**
 * Checks a mapping version's content against the standard, the file's header and, when given,
 * its profile. Refuses copying an identifier column into a published variable.
 */
export function validateMapping(input: unknown, ctx: MappingContext): MappingValidation {
  const parsed = MappingSpecSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i): MappingIssue => ({ code: 'invalid_spec', path: i.path.join('.'), message: i.message }));
    return { ok: false, errors, warnings: [] };
  }
  const spec = parsed.data;
  const errors = [...checkMappingStructure(spec, ctx), ...identifierCopies(spec, profileIdentifiers(ctx.profile))];
  const warnings = warningsFor(spec, ctx);
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, spec, warnings };
}
