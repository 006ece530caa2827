import { AnonymizedOutput } from './anonymized-output';
import { buildCombinations, DatasetPolicyMismatchError } from './combinations';
import { compileHierarchy } from './compiled-hierarchy';
import { Dataset } from './dataset';
import { buildLossModel } from './information-loss';
import type { AnonymizationMeasures, NodeMeasures } from './measure-types';
import { measureNode, MeasureContext, suppressAll } from './measures';
import { ClassCounter, classLabel, NodeClasses } from './node-classes';
import { searchOptimalNode } from './optimal-search';
import { AnonymizationPolicy, maxSuppressedRecords, riskThresholdOf } from './policy';
import { parseAnonymizationPolicy } from './policy-schema';

export interface AnonymizationProgress {
  step: 'grouping' | 'search' | 'output' | 'done';
  percent: number;
  nodesChecked: number;
  nodesTotal: number;
}

export interface AnonymizeOptions {
  onProgress?: (progress: AnonymizationProgress) => void;
}

export interface AnonymizationResult {
  found: boolean;
  qis: string[];
  /** Chosen level per QI; null when no node satisfies the policy. */
  levels: Record<string, number> | null;
  output: AnonymizedOutput;
  measures: AnonymizationMeasures;
}

/** Finds the least-loss generalization that satisfies the policy and applies it to every record. */
export function anonymize(dataset: Dataset, policy: AnonymizationPolicy, options: AnonymizeOptions = {}): AnonymizationResult {
  const steps = anonymization(dataset, policy, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same, giving the event loop a turn every `yieldEveryMs` (default 50 ms) of search, so a
 * worker's progress updates and lock renewals go out while it runs. Same result as anonymize().
 */
export async function anonymizeAsync(
  dataset: Dataset,
  policy: AnonymizationPolicy,
  options: AnonymizeOptions & { yieldEveryMs?: number } = {},
): Promise<AnonymizationResult> {
  const steps = anonymization(dataset, policy, options);
  let last = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - last >= (options.yieldEveryMs ?? 50)) {
      await new Promise((resolve) => setImmediate(resolve));
      last = performance.now();
    }
    step = steps.next();
  }
  return step.value;
}

function* anonymization(dataset: Dataset, policyInput: AnonymizationPolicy, options: AnonymizeOptions): Generator<void, AnonymizationResult, void> {
  const started = performance.now();
  const policy = parseAnonymizationPolicy(policyInput);
  const { qis, k } = policy;
  const l = policy.lDiversity;
  if (l && dataset.sensitive?.name !== l.variable) {
    throw new DatasetPolicyMismatchError(`l-diversity is set on ${l.variable} but the dataset carries ${dataset.sensitive?.name ?? 'no sensitive variable'}`);
  }
  const report = (step: AnonymizationProgress['step'], percent: number, nodesChecked = 0, nodesTotal = 0): void =>
    options.onProgress?.({ step, percent, nodesChecked, nodesTotal });

  report('grouping', 0);
  const hierarchies = qis.map((qi) => compileHierarchy(policy.hierarchies[qi], qi));
  const combinations = buildCombinations(dataset, qis, hierarchies, l !== undefined);
  const loss = buildLossModel(hierarchies, combinations.leafCounts, dataset.size);
  const counter = new ClassCounter(hierarchies, k, l?.l ?? 1);
  const maxLevels = qis.map((qi, q) => policy.maxLevels[qi] ?? hierarchies[q].height);
  const grouped = performance.now();

  yield;
  let lastPercent = -1;
  const steps = searchOptimalNode({ counter, base: combinations, loss, maxLevels, maxSuppressed: maxSuppressedRecords(policy, dataset.size) });
  let step = steps.next();
  while (!step.done) {
    const { nodesChecked, nodesTotal, settled } = step.value;
    const percent = 10 + Math.floor(settled * 80);
    if (percent !== lastPercent) report('search', (lastPercent = percent), nodesChecked, nodesTotal);
    yield;
    step = steps.next();
  }
  const search = step.value;
  report('output', 90, search.nodesChecked, search.nodesTotal);
  const searched = performance.now();

  let chosen: NodeClasses;
  let chosenShare: Float64Array;
  if (search.best) {
    chosen = counter.count(combinations, search.best.levels);
    chosenShare = counter.suppressedShare(chosen);
  } else {
    ({ node: chosen, suppressedShare: chosenShare } = suppressAll(counter.count(combinations, maxLevels), loss));
  }
  const output = buildOutput(qis, hierarchies.map((h) => h.labels), combinations.combinationOf, chosen);
  const ctx: MeasureContext = { dataset, qis, hierarchies, combinations, loss, riskThreshold: riskThresholdOf(policy) };
  const measured = measureNode(ctx, chosen, chosenShare);
  const bottom = counter.count(combinations, qis.map(() => 0));
  const suppressionOnly = measureNode(ctx, bottom, counter.suppressedShare(bottom));
  const finished = performance.now();
  report('done', 100, search.nodesChecked, search.nodesTotal);

  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    found: search.best !== null,
    qis: [...qis],
    levels: search.best ? Object.fromEntries(qis.map((qi, q) => [qi, search.best!.levels[q]])) : null,
    output,
    measures: {
      found: search.best !== null,
      policy: { k, suppressionLimit: policy.suppressionLimit, lDiversity: l ?? null, maxLevels: Object.fromEntries(qis.map((qi, q) => [qi, maxLevels[q]])) },
      ...measured,
      suppressionOnly,
      search: { nodesTotal: search.nodesTotal, nodesChecked: search.nodesChecked, nodesRolledUp: search.nodesRolledUp, distinctCombinations: combinations.rows },
      timing: { groupingMs: round(grouped - started), searchMs: round(searched - grouped), outputMs: round(finished - searched), totalMs: round(finished - started) },
    },
  };
}

function buildOutput(qis: readonly string[], labels: readonly (readonly (readonly string[])[])[], combinationOf: Int32Array, node: NodeClasses): AnonymizedOutput {
  const published = new Int32Array(node.classes).fill(-1);
  const classLabels: string[][] = [];
  for (let c = 0; c < node.classes; c++) {
    if (node.failing[c]) continue;
    published[c] = classLabels.length;
    classLabels.push(qis.map((_, q) => labels[q][node.levels[q]][classLabel(node, q, c)]));
  }
  const recordClass = new Int32Array(combinationOf.length);
  for (let i = 0; i < combinationOf.length; i++) recordClass[i] = published[node.classOf[combinationOf[i]]];
  return new AnonymizedOutput(qis, recordClass, classLabels);
}
