import { Hierarchy, hierarchyHeight, validateHierarchy } from './hierarchy';

/**
 * Integer form of a hierarchy for the search: per level, every leaf's label id, every label's
 * parent id, and how many leaf rows fall under each label (the share numerator of ARX's loss).
 */
export interface CompiledHierarchy {
  readonly height: number;
  /** Leaf rows R, including the row of the empty value. */
  readonly leafRows: number;
  readonly leafIds: ReadonlyMap<string, number>;
  /** labels[level][labelId] */
  readonly labels: readonly (readonly string[])[];
  /** leafToLabel[level][leafId] = label id at that level (level 0 is the identity). */
  readonly leafToLabel: readonly Int32Array[];
  /** leafRowsUnder[level][labelId] = number of leaf rows generalizing to that label. */
  readonly leafRowsUnder: readonly Int32Array[];
}

export function compileHierarchy(hierarchy: Hierarchy, name?: string): CompiledHierarchy {
  validateHierarchy(hierarchy, name);
  const height = hierarchyHeight(hierarchy);
  const rows = hierarchy.rows;
  const labels: string[][] = [];
  const leafToLabel: Int32Array[] = [];
  const leafRowsUnder: Int32Array[] = [];
  for (let level = 0; level <= height; level++) {
    const ids = new Map<string, number>();
    const map = new Int32Array(rows.length);
    const counts: number[] = [];
    rows.forEach((row, leaf) => {
      let id = ids.get(row[level]);
      if (id === undefined) {
        id = ids.size;
        ids.set(row[level], id);
        counts.push(0);
      }
      map[leaf] = id;
      counts[id]++;
    });
    labels.push([...ids.keys()]);
    leafToLabel.push(map);
    leafRowsUnder.push(Int32Array.from(counts));
  }
  const leafIds = new Map<string, number>();
  rows.forEach((row, leaf) => leafIds.set(row[0], leaf));
  return { height, leafRows: rows.length, leafIds, labels, leafToLabel, leafRowsUnder };
}

/** Maps label ids of `fromLevel` to label ids of `toLevel` (toLevel ≥ fromLevel). */
export function labelMap(h: CompiledHierarchy, fromLevel: number, toLevel: number): Int32Array {
  const map = new Int32Array(h.labels[fromLevel].length);
  const from = h.leafToLabel[fromLevel];
  const to = h.leafToLabel[toLevel];
  for (let leaf = 0; leaf < h.leafRows; leaf++) map[from[leaf]] = to[leaf];
  return map;
}
