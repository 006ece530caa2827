import { getLayout } from './layout';
import type { StandardDefinition } from './types';
import { compareLabels } from './values';

export type Record_ = (string | null)[];

/** Fills a record's derived variables in place; compiled once per standard for bulk use. */
export type DeriveFn = (values: (string | null)[]) => void;

interface CompiledConcatenation {
  target: number;
  /** Source positions in the alphabetical order of their labels. */
  sources: number[];
  labels: string[];
  separator: string;
}

const compiled = new WeakMap<StandardDefinition, DeriveFn>();

export function compileDerivations(standard: StandardDefinition): DeriveFn {
  const cached = compiled.get(standard);
  if (cached) return cached;
  const layout = getLayout(standard);
  const concatenations: CompiledConcatenation[] = [];
  for (const variable of standard.variables) {
    if (variable.kind !== 'derived') continue;
    const sources = variable.derivation.sources
      .map((name) => ({ index: layout.index(name), label: layout.variable(name).label }))
      .sort((a, b) => compareLabels(a.label, b.label));
    concatenations.push({
      target: layout.index(variable.name),
      sources: sources.map((s) => s.index),
      labels: sources.map((s) => s.label),
      separator: variable.derivation.separator,
    });
  }
  const fn: DeriveFn = (values) => {
    for (const c of concatenations) {
      let out: string | null = null;
      for (let i = 0; i < c.sources.length; i++) {
        if (values[c.sources[i]] !== '1') continue;
        out = out === null ? c.labels[i] : out + c.separator + c.labels[i];
      }
      values[c.target] = out;
    }
  };
  compiled.set(standard, fn);
  return fn;
}

/**
 * The concatenation of the labels of the flags that are 1, alphabetical by label, `;`-joined;
 * null (an empty cell) when none is 1.
 */
export function concatenateFlagLabels(flags: ReadonlyArray<{ label: string; value: string | null }>, separator = ';'): string | null {
  const labels = flags.filter((f) => f.value === '1').map((f) => f.label).sort(compareLabels);
  return labels.length === 0 ? null : labels.join(separator);
}
