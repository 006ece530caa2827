import { RowSource } from './combinations';
import { LossModel, lowerBoundLoss, nodeLoss } from './information-loss';
import { compareNodes, generalizes, Lattice } from './lattice';
import { ClassCounter, classesAsSource, NodeClasses } from './node-classes';

export interface SearchProgress {
  nodesChecked: number;
  nodesTotal: number;
  /** Share of the lattice settled so far, 0..1. */
  settled: number;
}

export interface SearchInput {
  counter: ClassCounter;
  base: RowSource;
  loss: LossModel;
  maxLevels: readonly number[];
  maxSuppressed: number;
}

export interface SearchOutcome {
  best: { levels: number[]; loss: number; perQiLoss: number[]; suppressed: number } | null;
  nodesTotal: number;
  nodesChecked: number;
  nodesRolledUp: number;
}

const UNKNOWN = 0;
const PASSES = 1;
const FAILS = 2;

/**
 * Optimal full-domain search, exact for ARX's loss although that loss is not monotone.
 *
 * - Bound: the loss with nothing suppressed is a lower bound of a node's loss and never decreases
 *   with generalization. Nodes are taken in increasing bound; the search ends at the first node
 *   whose bound exceeds the best loss found, since no later node can do better.
 * - Monotonicity of k (and distinct l) with suppression: a node within the limit makes all its
 *   generalizations pass; a node over it makes all its specializations fail. An unsettled node is
 *   settled Flash-style: a binary search on a chain of its generalizations that are still within
 *   the bound, so one check can settle a whole region below or above.
 * - Only nodes known to pass and within the bound have their classes counted for the loss.
 *
 * A generator: it yields after every counted node, so a caller can report progress or give the
 * event loop a turn.
 */
export function* searchOptimalNode(input: SearchInput): Generator<SearchProgress, SearchOutcome, void> {
  const { counter, base, loss, maxSuppressed } = input;
  const lattice = new Lattice(input.maxLevels);
  const total = lattice.size;
  const levels = Array.from({ length: total }, (_, index) => lattice.levelsOf(index));
  const bound = Float64Array.from(levels, (node) => lowerBoundLoss(loss, node));
  const before = (a: number, b: number): number => bound[a] - bound[b] || compareNodes(levels[a], levels[b]);
  const order = Array.from({ length: total }, (_, index) => index).sort(before);
  const status = new Uint8Array(total);
  const counted = new Uint8Array(total);
  const rollups = new RollupCache(base);
  const maxLevels = input.maxLevels;
  const bottom = maxLevels.map(() => 0);
  let best: SearchOutcome['best'] = null;
  let nodesChecked = 0;
  let visited = 0;

  const inBound = (index: number): boolean => best === null || bound[index] <= best.loss;
  let progress: SearchProgress | null = null;
  const check = (index: number): void => {
    const classes = counter.count(rollups.sourceFor(levels[index]), levels[index]);
    nodesChecked++;
    counted[index] = 1;
    rollups.remember(classes);
    if (classes.suppressed > maxSuppressed) {
      lattice.forEachInBox(bottom, levels[index], (below) => (status[below] = FAILS));
    } else {
      lattice.forEachInBox(levels[index], maxLevels, (above) => (status[above] ||= PASSES));
      const { perQi, total: value } = nodeLoss(loss, levels[index], classes.suppressed, counter.suppressedShare(classes));
      if (!best || value < best.loss || (value === best.loss && compareNodes(levels[index], best.levels) < 0)) {
        best = { levels: levels[index], loss: value, perQiLoss: perQi, suppressed: classes.suppressed };
      }
    }
    progress = { nodesChecked, nodesTotal: total, settled: visited / total };
  };
  /** The chain from `start` upwards through unsettled nodes within the bound, cheapest bound first. */
  const chainFrom = (start: number): number[] => {
    const chain = [start];
    for (let current = start; ; ) {
      let next = -1;
      for (let q = 0; q < maxLevels.length; q++) {
        const candidate = lattice.successor(current, levels[current], q);
        if (candidate < 0 || status[candidate] !== UNKNOWN || !inBound(candidate)) continue;
        if (next < 0 || before(candidate, next) < 0) next = candidate;
      }
      if (next < 0) return chain;
      chain.push((current = next));
    }
  };

  for (const index of order) {
    if (!inBound(index)) break;
    visited++;
    if (status[index] === FAILS) continue;
    if (status[index] === UNKNOWN) {
      const chain = chainFrom(index);
      let low = 0;
      let high = chain.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (status[chain[middle]] === UNKNOWN) {
          check(chain[middle]);
          yield progress!;
        }
        if (status[chain[middle]] === FAILS) low = middle + 1;
        else high = middle - 1;
      }
    }
    if (status[index] === PASSES && !counted[index] && inBound(index)) {
      check(index);
      yield progress!;
    }
  }
  return { best, nodesTotal: total, nodesChecked, nodesRolledUp: rollups.used };
}

/** Rows kept for rollups, in total; past it the oldest cached node is dropped. */
const CACHE_BUDGET_ROWS = 4_000_000;

/**
 * Classes of checked nodes, kept when much smaller than the distinct combinations, so a later
 * generalization of them is counted from their classes instead.
 */
class RollupCache {
  private readonly sources: RowSource[] = [];
  private rows = 0;
  used = 0;

  constructor(private readonly base: RowSource) {}

  sourceFor(levels: readonly number[]): RowSource {
    let source = this.base;
    for (const candidate of this.sources) {
      if (candidate.rows < source.rows && generalizes(levels, candidate.levels)) source = candidate;
    }
    if (source !== this.base) this.used++;
    return source;
  }

  remember(classes: NodeClasses): void {
    const rows = classes.subclasses?.groups ?? classes.classes;
    // Building a rollup source costs about one count of its rows: only worth it when far smaller.
    if (rows * 4 > this.base.rows) return;
    this.sources.push(classesAsSource(classes));
    this.rows += rows;
    while (this.rows > CACHE_BUDGET_ROWS) this.rows -= this.sources.shift()!.rows;
  }
}
