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

function textOf(c: CompiledConcatenation, mask: number): string | null {
  const labels = c.labels.filter((_, i) => (mask & (1 << i)) !== 0);
  return labels.length === 0 ? null : labels.join(c.separator);
}

const MAX_CACHED_COMBINATIONS = 20_000;

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
    if (sources.length > 30) throw new Error(`${variable.name}: a concatenation of more than 30 flags is not supported`);
    concatenations.push({
      target: layout.index(variable.name),
      sources: sources.map((s) => s.index),
      labels: sources.map((s) => s.label),
      separator: variable.derivation.separator,
    });
  }
  // The flags that are 1 form a bit mask; each mask's text is built once, not once per record.
  const texts = concatenations.map(() => new Map<number, string | null>());
  const fn: DeriveFn = (values) => {
    for (let c = 0; c < concatenations.length; c++) {
      const { sources, target } = concatenations[c];
      let mask = 0;
      for (let i = 0; i < sources.length; i++) if (values[sources[i]] === '1') mask |= 1 << i;
      let text = texts[c].get(mask);
      if (text === undefined) {
        text = textOf(concatenations[c], mask);
        // Real files hold a few hundred combinations; the cap only bounds memory on odd data.
        if (texts[c].size < MAX_CACHED_COMBINATIONS) texts[c].set(mask, text);
      }
      values[target] = text;
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
