import type {
  AgeBand,
  BinaryVariable,
  CodeValue,
  CodeVariable,
  DerivedVariable,
  VariableGroup,
} from './types';

/** `meansOfControlDebtBondage` → `means_of_control_debt_bondage`, `Datasource` → `datasource`. */
export function toDbColumn(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

export function flag(name: string, label: string, group: VariableGroup): BinaryVariable {
  return { name, label, group, kind: 'binary', dbColumn: toDbColumn(name), quasiIdentifier: false };
}

/** Flags sharing a prefix, e.g. `meansOfControl` + `DebtBondage` labelled `Debt bondage`. */
export function flagGroup(
  prefix: string,
  group: VariableGroup,
  suffixes: Array<[suffix: string, label: string]>,
): BinaryVariable[] {
  return suffixes.map(([suffix, label]) => flag(prefix + suffix, label, group));
}

export function codes(...values: Array<string | [string, string]>): CodeValue[] {
  return values.map((v) => (typeof v === 'string' ? { code: v, label: v } : { code: v[0], label: v[1] }));
}

export function code(
  name: string,
  label: string,
  group: VariableGroup,
  values: CodeValue[],
  quasiIdentifier: boolean,
  ageBands?: AgeBand[],
): CodeVariable {
  const v: CodeVariable = { name, label, group, kind: 'code', dbColumn: toDbColumn(name), quasiIdentifier, values };
  if (ageBands) v.ageBands = ageBands;
  return v;
}

export function concatenation(
  name: string,
  label: string,
  group: VariableGroup,
  sources: BinaryVariable[],
): DerivedVariable {
  return {
    name,
    label,
    group,
    kind: 'derived',
    dbColumn: toDbColumn(name),
    quasiIdentifier: false,
    derivation: { type: 'concatenate_labels', sources: sources.map((s) => s.name), separator: ';' },
  };
}
