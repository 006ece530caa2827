import type { MappingRule } from './types';
import { columnsOf } from './spec-edit';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** One line saying what a rule does, e.g. "Copy with value map ← Gender (3 values)". */
export function describeRule(rule: MappingRule, translate: Translate): string {
  const kind = translate(`app.rule_kinds.${rule.kind}`);
  const cols = columnsOf(rule);
  const from = cols.length ? ` ← ${cols.join(', ')}` : '';
  if (rule.kind === 'constant') return `${kind} = ${rule.value}`;
  if (rule.kind === 'copy' || rule.kind === 'flags_from_multi_value') {
    return `${kind}${from} (${translate('app.mapping.diff.values_mapped', { smart_count: Object.keys(rule.valueMap).length })})`;
  }
  return `${kind}${from}`;
}

export interface ValueMapChange {
  value: string;
  before: string | null;
  after: string | null;
}

/** Which source values a changed copy or flags rule maps differently. */
export function valueMapChanges(before: MappingRule | null, after: MappingRule | null): ValueMapChange[] {
  const map = (r: MappingRule | null): Record<string, string> => {
    if (!r || (r.kind !== 'copy' && r.kind !== 'flags_from_multi_value')) return {};
    return Object.fromEntries(Object.entries(r.valueMap).map(([k, v]) => [k, Array.isArray(v) ? v.join(' + ') : v]));
  };
  const a = map(before);
  const b = map(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => a[k] !== b[k])
    .map((k) => ({ value: k, before: a[k] ?? null, after: b[k] ?? null }));
}
