import { Combinations } from './combinations';
import { CompiledHierarchy } from './compiled-hierarchy';
import { Dataset, EncodedColumn } from './dataset';
import { LossModel, nodeLoss } from './information-loss';
import type { NodeMeasures, SuppressionCount } from './measure-types';
import { NodeClasses } from './node-classes';

const BUCKETS: [string, number, number | null][] = [
  ['1', 1, 1],
  ['2-4', 2, 4],
  ['5-10', 5, 10],
  ['11-20', 11, 20],
  ['21-50', 21, 50],
  ['51-100', 51, 100],
  ['>100', 101, null],
];

export interface MeasureContext {
  dataset: Dataset;
  qis: readonly string[];
  hierarchies: readonly CompiledHierarchy[];
  combinations: Combinations;
  loss: LossModel;
  riskThreshold: number;
}

/** Measures of a node counted from the distinct combinations (so classOf covers every record). */
export function measureNode(ctx: MeasureContext, node: NodeClasses, suppressedShare: Float64Array): NodeMeasures {
  const { dataset, qis, hierarchies, combinations } = ctx;
  const suppressedRecord = (record: number): boolean => node.failing[node.classOf[combinations.combinationOf[record]]] === 1;
  const buckets = BUCKETS.map(([label, min, max]) => ({ label, min, max, classes: 0, records: 0 }));
  let count = 0;
  let kept = 0;
  let smallest: number | null = null;
  let largest: number | null = null;
  let smallestDistinct: number | null = null;
  let atRisk = 0;
  for (let c = 0; c < node.classes; c++) {
    if (node.failing[c]) continue;
    const size = node.size[c];
    count++;
    kept += size;
    smallest = smallest === null ? size : Math.min(smallest, size);
    largest = largest === null ? size : Math.max(largest, size);
    if (node.distinct) smallestDistinct = smallestDistinct === null ? node.distinct[c] : Math.min(smallestDistinct, node.distinct[c]);
    if (1 / size > ctx.riskThreshold) atRisk += size;
    const bucket = buckets.find((b) => size >= b.min && (b.max === null || size <= b.max))!;
    bucket.classes++;
    bucket.records += size;
  }
  const suppressed = dataset.size - kept;
  const { perQi, total } = nodeLoss(ctx.loss, node.levels, node.suppressed, suppressedShare);
  const levels = qis.map((qi, q) => ({ qi, level: node.levels[q], height: hierarchies[q].height }));
  return {
    levels,
    records: { in: dataset.size, kept, suppressed, suppressedShare: dataset.size ? suppressed / dataset.size : 0 },
    suppressedByPartner: countByColumn(dataset.partner, suppressedRecord),
    suppressedByCountry: countByColumn(dataset.country, suppressedRecord),
    classes: { count, smallest, largest, sizeDistribution: buckets, ...(node.distinct ? { smallestDistinct } : {}) },
    risk: {
      threshold: ctx.riskThreshold,
      highest: smallest ? 1 / smallest : 0,
      average: kept ? count / kept : 0,
      recordsAboveThresholdShare: kept ? atRisk / kept : 0,
    },
    informationLoss: { measure: 'ARX loss', total, perQi: levels.map((l, q) => ({ ...l, loss: perQi[q] })) },
  };
}

function countByColumn(column: EncodedColumn, suppressed: (record: number) => boolean): SuppressionCount[] {
  const records = new Float64Array(column.values.length);
  const removed = new Float64Array(column.values.length);
  for (let i = 0; i < column.codes.length; i++) {
    records[column.codes[i]]++;
    if (suppressed(i)) removed[column.codes[i]]++;
  }
  return column.values
    .map((key, code) => ({ key, records: records[code], suppressed: removed[code] }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The same node with every record suppressed: what a run without a solution publishes. */
export function suppressAll(node: NodeClasses, loss: LossModel): { node: NodeClasses; suppressedShare: Float64Array } {
  return {
    node: { ...node, failing: new Uint8Array(node.classes).fill(1), suppressed: loss.records },
    suppressedShare: Float64Array.from(node.levels, (level, q) => loss.unsuppressedSum[q][level]),
  };
}
