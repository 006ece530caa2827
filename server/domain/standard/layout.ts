import type { StandardDefinition, StandardVariable } from './types';

/** Positions of a standard's variables in a record array (published column order). */
export interface StandardLayout {
  standard: StandardDefinition;
  columns: readonly string[];
  indexOf: ReadonlyMap<string, number>;
  variable(name: string): StandardVariable;
  index(name: string): number;
}

const layouts = new WeakMap<StandardDefinition, StandardLayout>();

export function publishedColumns(standard: StandardDefinition): string[] {
  return standard.variables.map((v) => v.name);
}

export function getLayout(standard: StandardDefinition): StandardLayout {
  const cached = layouts.get(standard);
  if (cached) return cached;
  const columns = Object.freeze(publishedColumns(standard));
  const indexOf = new Map(columns.map((name, i) => [name, i]));
  const index = (name: string): number => {
    const i = indexOf.get(name);
    if (i === undefined) throw new Error(`Variable "${name}" is not in standard ${standard.id}`);
    return i;
  };
  const layout: StandardLayout = {
    standard,
    columns,
    indexOf,
    index,
    variable: (name) => standard.variables[index(name)],
  };
  layouts.set(standard, layout);
  return layout;
}

/** A record as a name → value object, for tests, previews and reports. */
export function recordToObject(standard: StandardDefinition, values: readonly (string | null)[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  standard.variables.forEach((v, i) => (out[v.name] = values[i] ?? null));
  return out;
}

export function objectToRecord(standard: StandardDefinition, obj: Record<string, string | null | undefined>): (string | null)[] {
  return standard.variables.map((v) => obj[v.name] ?? null);
}
