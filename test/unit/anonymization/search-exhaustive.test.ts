import fc from 'fast-check';
import { syntheticCtdcDataset } from '../../../bench/anonymize-engine';
import { anonymize, DatasetBuilder, defaultPolicy } from '../../../server/domain/anonymization';
import { buildCombinations, RowSource } from '../../../server/domain/anonymization/combinations';
import { compileHierarchy } from '../../../server/domain/anonymization/compiled-hierarchy';
import { buildLossModel, nodeLoss } from '../../../server/domain/anonymization/information-loss';
import { compareNodes, Lattice } from '../../../server/domain/anonymization/lattice';
import { ClassCounter, classesAsSource } from '../../../server/domain/anonymization/node-classes';
import { maxSuppressedRecords } from '../../../server/domain/anonymization/policy';

/**
 * On the full 7-QI lattice of the defaults (2,048 nodes) the pruned search must pick the node an
 * exhaustive check of every node picks, with the same loss function and tie-break.
 */
describe('pruned search against an exhaustive search, default QIs', () => {
  it('chooses the same node on skewed CTDC-like data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 300, max: 3000 }), fc.constantFrom(2, 5, 11), (seed, size, k) => {
        const dataset = syntheticCtdcDataset(size, seed);
        const policy = { ...defaultPolicy({ from: 2002, to: 2023 }), k };
        const hierarchies = policy.qis.map((qi) => compileHierarchy(policy.hierarchies[qi], qi));
        const base = buildCombinations(dataset, policy.qis, hierarchies, false);
        const loss = buildLossModel(hierarchies, base.leafCounts, dataset.size);
        const counter = new ClassCounter(hierarchies, k, 1);
        const lattice = new Lattice(hierarchies.map((h) => h.height));
        let best: { levels: number[]; loss: number } | null = null;
        for (let index = 0; index < lattice.size; index++) {
          const levels = lattice.levelsOf(index);
          const classes = counter.count(base, levels);
          if (classes.suppressed > maxSuppressedRecords(policy, dataset.size)) continue;
          const value = nodeLoss(loss, levels, classes.suppressed, counter.suppressedShare(classes)).total;
          if (!best || value < best.loss || (value === best.loss && compareNodes(levels, best.levels) < 0)) best = { levels, loss: value };
        }
        const result = anonymize(dataset, policy);
        expect(result.levels && policy.qis.map((qi) => result.levels![qi])).toEqual(best?.levels ?? null);
        expect(result.measures.search.nodesChecked).toBeLessThan(lattice.size);
      }),
      { numRuns: 6 },
    );
  });
});

describe('rollup', () => {
  it('counts a node from a more specific node exactly as from the combinations', () => {
    const dataset = syntheticCtdcDataset(3000, 3);
    const policy = defaultPolicy({ from: 2002, to: 2023 });
    const hierarchies = policy.qis.map((qi) => compileHierarchy(policy.hierarchies[qi], qi));
    const base = buildCombinations(dataset, policy.qis, hierarchies, false);
    const counter = new ClassCounter(hierarchies, 11, 1);
    const sizes = (levels: number[], source: RowSource = base) => {
      const classes = counter.count(source, levels);
      return { sizes: [...classes.size].sort((a, b) => a - b), suppressed: classes.suppressed, share: [...counter.suppressedShare(classes)] };
    };
    const child = classesAsSource(counter.count(base, [1, 0, 1, 0, 1, 0, 0]));
    for (const levels of [
      [1, 0, 1, 0, 1, 0, 0],
      [2, 1, 1, 0, 2, 1, 0],
      [3, 1, 3, 1, 3, 3, 1],
      [1, 0, 2, 1, 1, 2, 1],
    ]) {
      expect(sizes(levels, child)).toEqual(sizes(levels));
    }
  });

  it('keeps distinct sensitive values exact through a rollup (l-diversity)', () => {
    const plain = syntheticCtdcDataset(3000, 4);
    const builder = new DatasetBuilder({ columns: plain.columns.map((c) => c.name), sensitive: 'isForcedLabour' });
    for (let i = 0; i < plain.size; i++) {
      builder.add(plain.columns.map((c) => c.values[c.codes[i]]), 'p1', ['1', '0', '', '1'][(i * 7) % 4]);
    }
    const dataset = builder.build();
    const policy = defaultPolicy({ from: 2002, to: 2023 });
    const hierarchies = policy.qis.map((qi) => compileHierarchy(policy.hierarchies[qi], qi));
    const base = buildCombinations(dataset, policy.qis, hierarchies, true);
    const counter = new ClassCounter(hierarchies, 5, 2);
    const summary = (levels: number[], source: RowSource = base) => {
      const classes = counter.count(source, levels);
      const perClass = [...classes.size].map((size, c) => `${size}/${classes.distinct![c]}`).sort();
      return { perClass, suppressed: classes.suppressed };
    };
    const child = classesAsSource(counter.count(base, [1, 0, 1, 0, 1, 1, 0]));
    for (const levels of [
      [1, 0, 1, 0, 1, 1, 0],
      [2, 0, 2, 1, 2, 1, 0],
      [3, 1, 3, 1, 2, 2, 1],
    ]) {
      expect(summary(levels, child)).toEqual(summary(levels));
    }
  });
});
