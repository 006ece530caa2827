/**
 * A publication standard described as data: the pipeline (mapping, harmonization, anonymization,
 * release writers) reads variables, value sets, derivations and consistency rules from here.
 */
export type VariableKind = 'year' | 'code' | 'country' | 'binary' | 'derived';

export type VariableGroup =
  | 'registration'
  | 'demographics'
  | 'meansOfControl'
  | 'exploitType'
  | 'typeOfLabour'
  | 'typeOfSex'
  | 'recruiter'
  | 'exploitation-place';

export interface CodeValue {
  code: string;
  label: string;
}

/** An age band code with its inclusive bounds in years (max null = open-ended). */
export interface AgeBand {
  code: string;
  min: number;
  max: number | null;
}

interface VariableBase {
  /** Exact published column name. */
  name: string;
  /** English label; flag labels are what `…Concatenated` variables list. */
  label: string;
  group: VariableGroup;
  /** snake_case name of the typed PostgreSQL column holding it. */
  dbColumn: string;
  /** Quasi-identifier by default in the disclosure-control policy. */
  quasiIdentifier: boolean;
}

export interface YearVariable extends VariableBase {
  kind: 'year';
  minYear: number;
  maxYear: number;
}

export interface CodeVariable extends VariableBase {
  kind: 'code';
  values: CodeValue[];
  /** Set on age-band variables: the bands, so ages can be banded from the definition. */
  ageBands?: AgeBand[];
}

export interface CountryVariable extends VariableBase {
  kind: 'country';
}

export interface BinaryVariable extends VariableBase {
  kind: 'binary';
}

/** Labels of the source flags that are 1, sorted by label, joined by `separator`. */
export interface ConcatenationDerivation {
  type: 'concatenate_labels';
  sources: string[];
  separator: string;
}

export interface DerivedVariable extends VariableBase {
  kind: 'derived';
  derivation: ConcatenationDerivation;
}

export type StandardVariable =
  | YearVariable
  | CodeVariable
  | CountryVariable
  | BinaryVariable
  | DerivedVariable;

/** The status of a person under 18 at registration follows from the age band. */
export interface MajorityFromAgeBandRule {
  type: 'majority_from_age_band';
  ageBand: string;
  status: string;
  minorBands: string[];
  minorCode: string;
  adultCode: string;
  /** A status code that means "not known", overwritten when the band is known. */
  unknownCode: string;
}

/** `target` is 1 exactly when every flag of `of` is 1. */
export interface ConjunctionRule {
  type: 'conjunction';
  target: string;
  of: string[];
}

/** A "not specified" flag of 1 excludes any other flag of its group being 1. */
export interface NotSpecifiedRule {
  type: 'not_specified_exclusive';
  flag: string;
  others: string[];
}

export type ConsistencyRule = MajorityFromAgeBandRule | ConjunctionRule | NotSpecifiedRule;

export interface StandardDefinition {
  id: string;
  versionLabel: string;
  title: string;
  /** In published column order. */
  variables: StandardVariable[];
  consistencyRules: ConsistencyRule[];
}
