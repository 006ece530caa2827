import { RowSource } from './combinations';
import { LossModel, lowerBoundLoss, nodeLoss } from './information-loss';
import { compareNodes, createLattice, generalizes, nodeLevels } from './lattice';
import { ClassCounter, classesAsSource, NodeClasses } from './node-classes';

export interface SearchProgress {
  nodesChecked: number;
  nodesTotal: number;
  /** Share of the lattice settled (checked, pruned or bounded out), 0..1. */
  settled: number;
}

export interface SearchInput {
  counter: ClassCounter;
  base: RowSource;
  loss: LossModel;
  maxLevels: readonly number[];
  maxSuppressed: number;
  onNode?: (progress: SearchProgress) => void;
}

export interface SearchOutcome {
  best: { levels: number[]; loss: number; perQiLoss: number[]; suppressed: number } | null;
  nodesTotal: number;
  nodesChecked: number;
  nodesRolledUp: number;
}

/** Rows kept for rollups, in total; past it the oldest cached node is dropped. */
const CACHE_BUDGET_ROWS = 4_000_000;

/**
 * Optimal full-domain search. Nodes are visited in increasing order of a lower bound of their loss
 * (the loss if nothing were suppressed, which never decreases with generalization), so the search
 * stops at the first node whose bound exceeds the best loss found: no later node can do better.
 * A node known to fail (a generalization of it failed) is skipped without counting.
 */
export function searchOptimalNode(input: SearchInput): SearchOutcome {
  const { counter, base, loss, maxSuppressed } = input;
  const lattice = createLattice(input.maxLevels);
  const nodes = Array.from({ length: lattice.size }, (_, index) => {
    const levels = nodeLevels(lattice, index);
    return { levels, bound: lowerBoundLoss(loss, levels) };
  });
  nodes.sort((a, b) => a.bound - b.bound || compareNodes(a.levels, b.levels));

  const failed: number[][] = [];
  const cache: RowSource[] = [];
  let cachedRows = 0;
  let best: SearchOutcome['best'] = null;
  let nodesChecked = 0;
  let nodesRolledUp = 0;
  let visited = 0;
  for (const { levels, bound } of nodes) {
    if (best && bound > best.loss) break;
    visited++;
    if (failed.some((f) => generalizes(f, levels))) continue;
    const source = pickSource(cache, base, levels);
    if (source !== base) nodesRolledUp++;
    const classes = counter.count(source, levels);
    nodesChecked++;
    input.onNode?.({ nodesChecked, nodesTotal: lattice.size, settled: visited / lattice.size });
    if (classes.suppressed > maxSuppressed) failed.push(levels);
    else {
      const { perQi, total } = nodeLoss(loss, levels, classes.suppressed, counter.suppressedShare(classes));
      if (!best || total < best.loss || (total === best.loss && compareNodes(levels, best.levels) < 0)) {
        best = { levels, loss: total, perQiLoss: perQi, suppressed: classes.suppressed };
      }
    }
    cachedRows += remember(cache, classes, base.rows);
    while (cachedRows > CACHE_BUDGET_ROWS && cache.length > 0) cachedRows -= cache.shift()!.rows;
  }
  return { best, nodesTotal: lattice.size, nodesChecked, nodesRolledUp };
}

/** The smallest cached node this node generalizes, or the distinct combinations. */
function pickSource(cache: readonly RowSource[], base: RowSource, levels: readonly number[]): RowSource {
  let source = base;
  for (const candidate of cache) {
    if (candidate.rows < source.rows && generalizes(levels, candidate.levels)) source = candidate;
  }
  return source;
}

function remember(cache: RowSource[], classes: NodeClasses, baseRows: number): number {
  const rows = classes.subclasses?.groups ?? classes.classes;
  // A rollup only pays off when it saves most of the work of counting from the combinations.
  if (rows * 1000000 > baseRows) return 0;
  cache.push(classesAsSource(classes));
  return rows;
}
