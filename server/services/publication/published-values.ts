import type { AnonymizationPolicy } from '../../domain/anonymization/policy';
import { isValidValue, type StandardDefinition } from '../../domain/standard';

/**
 * Whether a cell may appear in published microdata: a value of the standard's value set for its
 * variable, or (for a quasi-identifier) a label of the policy's hierarchy. Judged once per
 * distinct value and column, since published columns hold few distinct values.
 */
export function publishedValueCheck(standard: StandardDefinition, policy: AnonymizationPolicy): (column: number, value: string) => boolean {
  const hierarchyLabels = new Map<string, Set<string>>();
  for (const qi of policy.qis) hierarchyLabels.set(qi, new Set((policy.hierarchies[qi]?.rows ?? []).flat()));
  // Most columns hold two or three values: a short list compared with === is cheaper than hashing each cell.
  const recent = standard.variables.map(() => [] as string[]);
  const known = standard.variables.map(() => new Map<string, boolean>());
  return (column, value) => {
    if (value === '') return true;
    const list = recent[column];
    for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
    let ok = known[column].get(value);
    if (ok === undefined) {
      const name = standard.variables[column].name;
      ok = !/[\r\n]/.test(value) && (isValidValue(standard, name, value) || (hierarchyLabels.get(name)?.has(value) ?? false));
      known[column].set(value, ok);
    }
    if (ok && list.length < 8) list.push(value);
    return ok;
  };
}

/** Labels readers will see in the codebook: exempt from the verifier's "looks like a name" check. */
export function knownLabels(standard: StandardDefinition, policy: AnonymizationPolicy): string[] {
  const labels = new Set<string>();
  for (const v of standard.variables) {
    labels.add(v.label);
    if (v.kind === 'code') v.values.forEach((c) => { labels.add(c.code); labels.add(c.label); });
  }
  for (const qi of policy.qis) (policy.hierarchies[qi]?.rows ?? []).forEach((row) => row.forEach((l) => labels.add(l)));
  return [...labels];
}
