/**
 * The generalization lattice: every combination of one level per QI within the max levels.
 * A node is identified by its index in mixed radix (the last QI varies fastest).
 */
export class Lattice {
  readonly size: number;
  private readonly strides: number[];

  constructor(readonly maxLevels: readonly number[]) {
    this.strides = [];
    let stride = 1;
    for (let q = maxLevels.length - 1; q >= 0; q--) {
      this.strides[q] = stride;
      stride *= maxLevels[q] + 1;
    }
    this.size = stride;
  }

  levelsOf(index: number): number[] {
    return this.strides.map((stride, q) => Math.floor(index / stride) % (this.maxLevels[q] + 1));
  }

  indexOf(levels: readonly number[]): number {
    return levels.reduce((index, level, q) => index + level * this.strides[q], 0);
  }

  /** Index of the node one level higher on QI q, or -1 at its max level. */
  successor(index: number, levels: readonly number[], q: number): number {
    return levels[q] < this.maxLevels[q] ? index + this.strides[q] : -1;
  }

  /** Calls visit for every node whose levels lie between `low` and `high` (inclusive, per QI). */
  forEachInBox(low: readonly number[], high: readonly number[], visit: (index: number) => void): void {
    const walk = (q: number, base: number): void => {
      if (q === low.length) return visit(base);
      for (let level = low[q]; level <= high[q]; level++) walk(q + 1, base + level * this.strides[q]);
    };
    walk(0, 0);
  }
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
