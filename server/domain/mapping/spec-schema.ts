import { z } from 'zod';

/**
 * The content of one mapping version: how a partner's layout feeds each standard variable.
 * Stored as JSON on the mapping version; parsed with these schemas at every boundary.
 */

const column = z.string().trim().min(1);
const variable = z.string().min(1);

/** Order of day, month and year in a partner's dates; ISO `yyyy-mm-dd` is always recognised. */
export const DateOrderSchema = z.enum(['ymd', 'dmy', 'mdy']);
export type DateOrder = z.infer<typeof DateOrderSchema>;

/** How a year may be written in a date column; `excel_serial` accepts spreadsheet day numbers. */
export const DateHintSchema = z.enum(['ymd', 'dmy', 'mdy', 'year', 'excel_serial']);

export const DEFAULT_YES = ['1', 'y', 'yes', 'true', 'oui', 'o', 'si', 'sí', 'sim', 's', 'x'];
export const DEFAULT_NO = ['0', 'n', 'no', 'false', 'non', 'não', 'nao'];
export const DEFAULT_SEPARATORS = [';', '|', ','];

const CopyRule = z.object({
  kind: z.literal('copy'),
  target: variable,
  column,
  /** Source value → standard code; matched ignoring case, accents and surrounding spaces. */
  valueMap: z.record(z.string(), z.string()).default({}),
  /** Code for values the map does not cover; without it they become missing and are reported. */
  default: z.string().optional(),
});


/** The date an age is measured at: a registration-date column, or a fixed year. */
const ReferenceDate = z.union([
  z.object({ column, dateFormat: DateOrderSchema.optional() }),
  z.object({ year: z.number().int().min(1900).max(2100) }),
]);

const fromBirthDate = {
  target: variable,
  birthDateColumn: column,
  dateFormat: DateOrderSchema,
  reference: ReferenceDate,
};
/** A birth date to fall back on when the age cell is empty (files holding one or the other). */
const BirthDateFallback = z.object({ birthDateColumn: column, dateFormat: DateOrderSchema, reference: ReferenceDate });

const AgeBandFromAge = z.object({ kind: z.literal('age_band_from_age'), target: variable, column, birthDate: BirthDateFallback.optional() });
const MajorityFromAge = z.object({ kind: z.literal('majority_from_age'), target: variable, column, birthDate: BirthDateFallback.optional() });
const AgeBandFromBirthDate = z.object({ kind: z.literal('age_band_from_birth_date'), ...fromBirthDate });
const MajorityFromBirthDate = z.object({ kind: z.literal('majority_from_birth_date'), ...fromBirthDate });

const YearFromDate = z.object({
  kind: z.literal('year_from_date'),
  target: variable,
  column,
  formats: z.array(DateHintSchema).default([]),
});

const FlagsFromMultiValue = z.object({
  kind: z.literal('flags_from_multi_value'),
  /** The flag variables this cell feeds; those not named by a filled cell become 0. */
  targets: z.array(variable).min(1),
  column,
  separators: z.array(z.string().min(1)).min(1).default(DEFAULT_SEPARATORS),
  /** Source code → the flag variables it sets to 1 (an empty list: known, sets nothing). */
  valueMap: z.record(z.string(), z.array(variable)),
  /**
   * What a flag the cell does not name means: `zero` (a multi-select lists every choice made) or
   * `missing`. A cell holding any unmapped code never yields zeros: the code might mean that flag.
   */
  absentMeans: z.enum(['zero', 'missing']).default('zero'),
});

const BinaryRule = z.object({
  kind: z.literal('binary'),
  target: variable,
  column,
  yes: z.array(z.string()).min(1).default(DEFAULT_YES),
  no: z.array(z.string()).min(1).default(DEFAULT_NO),
});

const CountryRule = z.object({
  kind: z.literal('country'),
  target: variable,
  column,
  /** `namibia` for columns of ISO codes; `missing` for columns of names where NA is "n/a". */
  naMeans: z.enum(['namibia', 'missing']).default('namibia'),
});

const ConstantRule = z.object({ kind: z.literal('constant'), target: variable, value: z.string() });
const NotCollectedRule = z.object({ kind: z.literal('not_collected'), target: variable });

export const MappingRuleSchema = z.discriminatedUnion('kind', [
  CopyRule,
  AgeBandFromAge,
  AgeBandFromBirthDate,
  MajorityFromAge,
  MajorityFromBirthDate,
  YearFromDate,
  FlagsFromMultiValue,
  BinaryRule,
  CountryRule,
  ConstantRule,
  NotCollectedRule,
]);

export const MappingSpecSchema = z.object({
  standardId: z.string().min(1),
  /** Source columns never published: identifiers, free text. They may still feed derivations. */
  dropColumns: z.array(column).default([]),
  /** Cell values meaning "no information"; defaults to DEFAULT_MISSING_VALUES. */
  missingValues: z.array(z.string()).optional(),
  rules: z.array(MappingRuleSchema),
});

export type MappingRule = z.output<typeof MappingRuleSchema>;
export type MappingRuleKind = MappingRule['kind'];
export type MappingSpec = z.output<typeof MappingSpecSchema>;
/** What a steward or a suggestion writes: defaults may be left out. */
export type MappingSpecInput = z.input<typeof MappingSpecSchema>;
export type MappingRuleInput = z.input<typeof MappingRuleSchema>;
export type RuleOf<K extends MappingRuleKind> = Extract<MappingRule, { kind: K }>;

/** The standard variables a rule writes. */
export function ruleTargets(rule: MappingRule): string[] {
  return rule.kind === 'flags_from_multi_value' ? rule.targets : [rule.target];
}

/** The source columns a rule reads. */
export function ruleColumns(rule: MappingRule): string[] {
  switch (rule.kind) {
    case 'constant':
    case 'not_collected':
      return [];
    case 'age_band_from_birth_date':
    case 'majority_from_birth_date':
      return birthDateColumns(rule);
    case 'age_band_from_age':
    case 'majority_from_age':
      return rule.birthDate ? [rule.column, ...birthDateColumns(rule.birthDate)] : [rule.column];
    default:
      return [rule.column];
  }
}

function birthDateColumns(source: { birthDateColumn: string; reference: { column: string } | { year: number } }): string[] {
  return 'column' in source.reference ? [source.birthDateColumn, source.reference.column] : [source.birthDateColumn];
}

export function parseMappingSpec(input: unknown): MappingSpec {
  return MappingSpecSchema.parse(input);
}
