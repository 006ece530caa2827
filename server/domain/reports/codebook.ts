import { countryName } from '../countries';
import type { Hierarchy } from '../anonymization/hierarchy';
import { compareLabels, isValidValue, type StandardDefinition, type StandardVariable } from '../standard';
import { csvLine } from './csv-records';
import type { MicrodataTally } from './microdata-tally';

export type ValueKind = 'standard' | 'generalized' | 'missing';

export interface CodebookValue {
  value: string;
  valueLabel: string;
  kind: ValueKind;
  count: number;
}

export interface CodebookEntry {
  variable: string;
  position: number;
  label: string;
  type: StandardVariable['kind'];
  group: string;
  quasiIdentifier: boolean;
  missing: number;
  values: CodebookValue[];
}

const MISSING_LABEL = 'Missing (no information)';

/** For each generalized label of each QI hierarchy, the level it belongs to (lowest if repeated). */
function generalizedLevels(hierarchies: Readonly<Record<string, Hierarchy>>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [qi, h] of Object.entries(hierarchies)) {
    const levels = new Map<string, number>();
    for (const row of h.rows) row.forEach((label, level) => { if (level > 0 && label !== '' && !levels.has(label)) levels.set(label, level); });
    out.set(qi, levels);
  }
  return out;
}

function standardLabel(v: StandardVariable, value: string): string {
  if (v.kind === 'code') return v.values.find((c) => c.code === value)?.label ?? value;
  if (v.kind === 'binary') return value === '1' ? 'Yes' : 'No';
  if (v.kind === 'country') return countryName(value) ?? '';
  return '';
}

/** Values a variable may take before any count: the standard codes (listed even when unused). */
function declaredValues(v: StandardVariable): string[] {
  if (v.kind === 'code') return v.values.map((c) => c.code);
  if (v.kind === 'binary') return ['1', '0'];
  return [];
}

/**
 * The codebook of published microdata: every variable of the standard, its declared values and
 * every value actually published (generalized labels included), with counts and missing counts.
 */
export function buildCodebook(standard: StandardDefinition, tally: MicrodataTally, hierarchies: Readonly<Record<string, Hierarchy>>): CodebookEntry[] {
  const levels = generalizedLevels(hierarchies);
  return standard.variables.map((v, position) => {
    const counts = tally.valueCounts(v.name);
    const declared = declaredValues(v);
    const declaredSet = new Set(declared);
    const seen = [...counts.keys()].filter((x) => x !== '' && !declaredSet.has(x));
    const standardSeen = seen.filter((x) => isValidValue(standard, v.name, x));
    const standardSet = new Set(standardSeen);
    const generalized = seen.filter((x) => !standardSet.has(x)).sort(compareLabels);
    // Flag combinations can be many: most frequent first; other values in label order.
    const ordered = v.kind === 'derived'
      ? standardSeen.sort((a, b) => (counts.get(b)! - counts.get(a)!) || (a < b ? -1 : a > b ? 1 : 0))
      : standardSeen.sort(compareLabels);
    const values: CodebookValue[] = [
      ...[...declared, ...ordered].map((value) => ({ value, valueLabel: standardLabel(v, value), kind: 'standard' as const, count: counts.get(value) ?? 0 })),
      ...generalized.map((value) => {
        const level = levels.get(v.name)?.get(value);
        const valueLabel = value === '*' ? 'Suppressed: any value' : level !== undefined ? `Generalized (hierarchy level ${level})` : 'Generalized';
        return { value, valueLabel, kind: 'generalized' as const, count: counts.get(value) ?? 0 };
      }),
    ];
    const missing = counts.get('') ?? 0;
    values.push({ value: '', valueLabel: MISSING_LABEL, kind: 'missing', count: missing });
    return { variable: v.name, position: position + 1, label: v.label, type: v.kind, group: v.group, quasiIdentifier: v.quasiIdentifier, missing, values };
  });
}

export const CODEBOOK_COLUMNS = ['variable', 'position', 'label', 'type', 'group', 'quasi_identifier', 'value', 'value_label', 'value_kind', 'count'] as const;

/** The codebook as CSV text (one row per variable and value), deterministic for the same input. */
export function codebookCsv(entries: readonly CodebookEntry[]): string {
  const lines = [csvLine(CODEBOOK_COLUMNS)];
  for (const e of entries) {
    for (const x of e.values) {
      lines.push(csvLine([e.variable, String(e.position), e.label, e.type, e.group, e.quasiIdentifier ? 'yes' : 'no', x.value, x.valueLabel, x.kind, String(x.count)]));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Reads codebook CSV records back into entries (for the PDF, so both formats say the same). */
export function codebookFromRecords(records: readonly string[][]): CodebookEntry[] {
  const [header, ...rows] = records;
  if (!header || header.join(',') !== CODEBOOK_COLUMNS.join(',')) throw new Error('Not a codebook CSV: unexpected header');
  const entries = new Map<string, CodebookEntry>();
  for (const r of rows) {
    if (r.length === 1 && r[0] === '') continue;
    const [variable, position, label, type, group, qi, value, valueLabel, kind, count] = r;
    let e = entries.get(variable);
    if (!e) {
      e = { variable, position: Number(position), label, type: type as CodebookEntry['type'], group, quasiIdentifier: qi === 'yes', missing: 0, values: [] };
      entries.set(variable, e);
    }
    e.values.push({ value, valueLabel, kind: kind as ValueKind, count: Number(count) });
    if (kind === 'missing') e.missing = Number(count);
  }
  return [...entries.values()];
}
