/** The generalization lattice: every combination of one level per QI within the max levels. */
export interface Lattice {
  readonly maxLevels: readonly number[];
  readonly size: number;
}

export function createLattice(maxLevels: readonly number[]): Lattice {
  return { maxLevels, size: maxLevels.reduce((product, max) => product * (max + 1), 1) };
}

export function nodeLevels(lattice: Lattice, index: number): number[] {
  const levels: number[] = [];
  let rest = index;
  for (let q = lattice.maxLevels.length - 1; q >= 0; q--) {
    const base = lattice.maxLevels[q] + 1;
    levels[q] = rest % base;
    rest = Math.floor(rest / base);
  }
  return levels;
}

export const nodeHeight = (levels: readonly number[]): number => levels.reduce((sum, level) => sum + level, 0);

/** True when `general` is `specific` or one of its generalizations. */
export function generalizes(general: readonly number[], specific: readonly number[]): boolean {
  for (let q = 0; q < general.length; q++) if (general[q] < specific[q]) return false;
  return true;
}

/** Deterministic tie-break between nodes of equal loss: lower total height, then lexicographic levels. */
export function compareNodes(a: readonly number[], b: readonly number[]): number {
  const byHeight = nodeHeight(a) - nodeHeight(b);
  if (byHeight !== 0) return byHeight;
  for (let q = 0; q < a.length; q++) if (a[q] !== b[q]) return a[q] - b[q];
  return 0;
}
