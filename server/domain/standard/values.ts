import { isPublishableCountryCode } from '../countries';
import { getLayout } from './layout';
import type { StandardDefinition, StandardVariable } from './types';

export const BINARY_VALUES: readonly string[] = ['1', '0'];

const YEAR = /^\d{4}$/;

/** The codes a coded variable accepts (binary: `1`/`0`), or null for open domains. */
export function valueSet(variable: StandardVariable): readonly string[] | null {
  if (variable.kind === 'code') return variable.values.map((v) => v.code);
  if (variable.kind === 'binary') return BINARY_VALUES;
  return null;
}

/** The latest plausible registration year: next year, to tolerate time zones around New Year. */
export function latestPlausibleYear(now: Date = new Date()): number {
  return now.getUTCFullYear() + 1;
}

/**
 * Whether a harmonized value is acceptable for the variable. Null (missing) is always valid:
 * missing is a legitimate state, not an error. Derived values must be a sorted label list.
 */
export function isValidValue(standard: StandardDefinition, variableName: string, value: string | null): boolean {
  if (value === null) return true;
  const variable = getLayout(standard).variable(variableName);
  switch (variable.kind) {
    case 'year': {
      if (!YEAR.test(value)) return false;
      const year = Number(value);
      return year >= variable.minYear && year <= Math.min(variable.maxYear, latestPlausibleYear());
    }
    case 'code':
      return variable.values.some((v) => v.code === value);
    case 'binary':
      return value === '1' || value === '0';
    case 'country':
      return isPublishableCountryCode(value);
    case 'derived': {
      const layout = getLayout(standard);
      const labels = variable.derivation.sources.map((s) => layout.variable(s).label);
      const parts = value.split(variable.derivation.separator);
      const sorted = [...parts].sort(compareLabels);
      return (
        parts.length > 0 &&
        parts.every((p, i) => labels.includes(p) && p === sorted[i] && parts.indexOf(p) === i)
      );
    }
  }
}

/** Alphabetical order of labels, as the concatenated variables list them. */
export function compareLabels(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
