import { CTDC_K_V7 } from '../../server/domain/standard/ctdc-k-v7';
import type { CodeVariable, StandardVariable, VariableGroup } from '../../server/domain/standard/types';

export type { CodeVariable, StandardVariable, VariableGroup };

/** The publication standard as data (a plain module: no server code comes with it). */
export const STANDARD = CTDC_K_V7;

const BY_NAME = new Map(STANDARD.variables.map((v) => [v.name, v]));

export const standardVariable = (name: string): StandardVariable | undefined => BY_NAME.get(name);

/** The standard's variable groups, in the order their first variable is published. */
export const STANDARD_GROUPS: VariableGroup[] = [...new Set(STANDARD.variables.map((v) => v.group))];

/** Variables of a group: mappable ones first in published order, the derived one last. */
export function groupVariables(group: VariableGroup): StandardVariable[] {
  const vars = STANDARD.variables.filter((v) => v.group === group);
  return [...vars.filter((v) => v.kind !== 'derived'), ...vars.filter((v) => v.kind === 'derived')];
}

/** Codes a coded variable accepts (binary flags: 0 and 1). */
export function codesOf(v: StandardVariable | undefined): { code: string; label: string }[] {
  if (!v) return [];
  if (v.kind === 'code') return v.values;
  if (v.kind === 'binary') return [{ code: '1', label: '1' }, { code: '0', label: '0' }];
  return [];
}
