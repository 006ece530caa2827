import { canonicalJson } from '../../audit/hash-chain';
import { ruleTargets, type MappingRule, type MappingSpec } from '../../domain/mapping/spec-schema';
import type { MappingDiff, RuleChange } from './mapping-diff';

const keyOf = (rule: MappingRule) => ruleTargets(rule).slice().sort().join(',');

/** What a version changes against another (the previous approved one): per rule, by the variables it feeds. */
export function diffMappings(before: MappingSpec | null, after: MappingSpec): MappingDiff {
  const old = new Map((before?.rules ?? []).map((r) => [keyOf(r), r]));
  const now = new Map(after.rules.map((r) => [keyOf(r), r]));
  const rules: RuleChange[] = [];
  for (const [key, rule] of now) {
    const prev = old.get(key);
    if (!prev) rules.push({ variables: ruleTargets(rule), change: 'added', before: null, after: rule });
    else if (canonicalJson(prev) !== canonicalJson(rule)) rules.push({ variables: ruleTargets(rule), change: 'changed', before: prev, after: rule });
  }
  for (const [key, rule] of old) if (!now.has(key)) rules.push({ variables: ruleTargets(rule), change: 'removed', before: rule, after: null });
  const oldDrop = new Set(before?.dropColumns ?? []);
  const newDrop = new Set(after.dropColumns ?? []);
  return {
    rules: rules.sort((a, b) => a.variables[0].localeCompare(b.variables[0])),
    droppedAdded: [...newDrop].filter((c) => !oldDrop.has(c)),
    droppedRemoved: [...oldDrop].filter((c) => !newDrop.has(c)),
  };
}
