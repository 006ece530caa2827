/**
 * A generalization hierarchy as data, in ARX's shape: one row per leaf value, row[0] is the value
 * itself (level 0), row[i] its generalization at level i, and the last cell is always `*`.
 *
 * Missing information is the empty string `''` (callers normalise null/undefined to `''`). Its
 * row keeps `''` at every level below `*`, so "unknown" is never merged into a real category.
 */
export interface Hierarchy {
  readonly rows: readonly (readonly string[])[];
}

export const SUPPRESSED_LABEL = '*';
export const MISSING_VALUE = '';

export class HierarchyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HierarchyError';
  }
}

/** Number of generalization steps: the index of the `*` level. */
export function hierarchyHeight(hierarchy: Hierarchy): number {
  return hierarchy.rows.length === 0 ? 0 : hierarchy.rows[0].length - 1;
}

const show = (value: string): string => (value === MISSING_VALUE ? '(empty)' : `"${value}"`);

/**
 * Refuses a hierarchy whose levels do not nest (a label with two different parents), whose rows
 * differ in length, whose leaves repeat, or whose last level is not `*`. Messages name the value.
 */
export function validateHierarchy(hierarchy: Hierarchy, name = 'hierarchy'): void {
  const { rows } = hierarchy;
  if (rows.length === 0) throw new HierarchyError(`${name}: has no rows`);
  const width = rows[0].length;
  if (width < 2) throw new HierarchyError(`${name}: needs at least a value level and a "*" level`);
  const leaves = new Set<string>();
  const parents: Map<string, string>[] = Array.from({ length: width - 1 }, () => new Map());
  for (const row of rows) {
    const leaf = row[0];
    if (row.length !== width) {
      throw new HierarchyError(`${name}: the row of ${show(leaf)} has ${row.length} levels, expected ${width}`);
    }
    if (leaves.has(leaf)) throw new HierarchyError(`${name}: value ${show(leaf)} appears on two rows`);
    leaves.add(leaf);
    if (row[width - 1] !== SUPPRESSED_LABEL) {
      throw new HierarchyError(`${name}: the last level of ${show(leaf)} is ${show(row[width - 1])}, expected "*"`);
    }
    for (let level = 1; level < width - 1; level++) {
      const label = row[level];
      if (leaf === MISSING_VALUE && label !== MISSING_VALUE) {
        throw new HierarchyError(`${name}: the empty value must stay empty below "*", found ${show(label)} at level ${level}`);
      }
      if (leaf !== MISSING_VALUE && label === MISSING_VALUE) {
        throw new HierarchyError(`${name}: value ${show(leaf)} generalizes to the empty value at level ${level}`);
      }
      if (label === SUPPRESSED_LABEL) {
        throw new HierarchyError(`${name}: value ${show(leaf)} is "*" at level ${level}, before the last level`);
      }
    }
    for (let level = 0; level < width - 1; level++) {
      const label = row[level];
      const parent = row[level + 1];
      const known = parents[level].get(label);
      if (known === undefined) parents[level].set(label, parent);
      else if (known !== parent) {
        throw new HierarchyError(
          `${name}: levels do not nest: ${show(label)} at level ${level} generalizes to both ${show(known)} and ${show(parent)} at level ${level + 1}`,
        );
      }
    }
  }
}
