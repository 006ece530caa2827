import { CompiledHierarchy } from './compiled-hierarchy';

/**
 * ARX's default "Loss" measure (privacy.md). All sums are kept multiplied by R (leaf rows), so
 * they are exact integers: S_a·R = Σ over kept records of (leaf rows under its label) + R per
 * suppressed record; L_a = max(0, (S_a·R − N) / (N·R − N)); total = (Π (1 + L_a))^(1/d) − 1.
 */
export interface LossModel {
  readonly records: number;
  /** unsuppressedSum[q][level]: S_a·R at that level if no record were suppressed. */
  readonly unsuppressedSum: readonly Float64Array[];
  readonly leafRows: readonly number[];
}

export function buildLossModel(hierarchies: readonly CompiledHierarchy[], leafCounts: readonly Float64Array[], records: number): LossModel {
  const unsuppressedSum = hierarchies.map((h, q) => {
    const sums = new Float64Array(h.height + 1);
    for (let level = 0; level <= h.height; level++) {
      const map = h.leafToLabel[level];
      const under = h.leafRowsUnder[level];
      let sum = 0;
      for (let leaf = 0; leaf < h.leafRows; leaf++) sum += leafCounts[q][leaf] * under[map[leaf]];
      sums[level] = sum;
    }
    return sums;
  });
  return { records, unsuppressedSum, leafRows: hierarchies.map((h) => h.leafRows) };
}

export function qiLoss(model: LossModel, q: number, scaledSum: number): number {
  const n = model.records;
  const r = model.leafRows[q];
  const denominator = n * r - n;
  if (denominator <= 0) return 0;
  return Math.max(0, (scaledSum - n) / denominator);
}

export function totalLoss(perQi: ArrayLike<number>): number {
  let product = 1;
  for (let q = 0; q < perQi.length; q++) product *= 1 + perQi[q];
  return Math.pow(product, 1 / perQi.length) - 1;
}

/**
 * Loss of a node given its suppressed records and, per QI, the scaled share sum of those records.
 * Suppressed records score R each instead of their label's share, so the loss with no suppression
 * is a lower bound, and that bound only grows with generalization: it is what prunes the search.
 */
export function nodeLoss(model: LossModel, levels: ArrayLike<number>, suppressed: number, suppressedShare: ArrayLike<number>): { perQi: number[]; total: number } {
  const perQi: number[] = [];
  for (let q = 0; q < levels.length; q++) {
    const scaled = model.unsuppressedSum[q][levels[q]] - suppressedShare[q] + suppressed * model.leafRows[q];
    perQi.push(qiLoss(model, q, scaled));
  }
  return { perQi, total: totalLoss(perQi) };
}

export function lowerBoundLoss(model: LossModel, levels: ArrayLike<number>): number {
  const perQi: number[] = [];
  for (let q = 0; q < levels.length; q++) perQi.push(qiLoss(model, q, model.unsuppressedSum[q][levels[q]]));
  return totalLoss(perQi);
}
