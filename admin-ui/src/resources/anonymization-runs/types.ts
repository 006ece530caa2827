import type { RunStatus } from '../../../../db/schema';

export type { RunStatus };

/**
 * The figures a run records (server/domain/anonymization measures.ts NodeMeasures and
 * anonymize.ts AnonymizationMeasures, restated: those modules are not type-checked here).
 */
export interface SuppressionCount {
  key: string;
  records: number;
  suppressed: number;
}

export interface ClassSizeBucket {
  label: string;
  min: number;
  max: number | null;
  classes: number;
  records: number;
}

export interface NodeMeasures {
  levels: { qi: string; level: number; height: number }[];
  records: { in: number; kept: number; suppressed: number; suppressedShare: number };
  suppressedByPartner: SuppressionCount[];
  suppressedByCountry: SuppressionCount[];
  classes: { count: number; smallest: number | null; largest: number | null; sizeDistribution: ClassSizeBucket[]; smallestDistinct?: number | null };
  risk: { threshold: number; highest: number; average: number; recordsAboveThresholdShare: number };
  informationLoss: { measure: string; total: number; perQi: { qi: string; level: number; height: number; loss: number }[] };
}

export interface DifferencingSummary {
  against: { releaseId: string; version: string; runId: string } | null;
  compared: boolean;
  note: string | null;
  qis: string[];
  previousLevels: Record<string, number>;
  currentLevels: Record<string, number>;
  comparedAtLevels: Record<string, number>;
  sameLevels: boolean;
  exposures: number;
}

export interface RunMeasures extends NodeMeasures {
  found: boolean;
  policy: { k: number; suppressionLimit: number; lDiversity: { variable: string; l: number } | null; maxLevels: Record<string, number> };
  suppressionOnly: NodeMeasures;
  search: { nodesTotal: number; nodesChecked: number; nodesRolledUp: number; distinctCombinations: number };
  timing: { groupingMs: number; searchMs: number; outputMs: number; totalMs: number };
  partners?: { id: string; name: string }[];
  output?: { rows: number; bytes: number; sha256: string };
  verification?: { ok: boolean; k: number; l: number | null; rows: number; classes: number; smallestClass: number | null };
  differencing?: DifferencingSummary;
}

export interface DifferencingExposure {
  labels: Record<string, string>;
  previous: number;
  current: number;
  growth: number;
}

export interface PolicySnapshot {
  qis: string[];
  hierarchies: Record<string, { rows: string[][] }>;
  maxLevels: Record<string, number>;
  k: number;
  suppressionLimit: number;
  lDiversity?: { variable: string; l: number };
  riskThreshold?: number;
}

/** A row of `GET /api/anonymization-runs`. */
export interface RunSummary {
  id: string;
  releaseId: string;
  releaseVersion: string;
  releaseStatus: string;
  status: RunStatus;
  policyId: string;
  policyName: string;
  policyVersion: number;
  startedBy: string | null;
  startedByName: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  outputRows: number | null;
  failureReason: string | null;
  differencingOverrideReason: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  decidedAt: string | null;
}

/** `GET /api/anonymization-runs/:id`. */
export interface RunDetail extends RunSummary {
  policySnapshot: PolicySnapshot;
  measures: RunMeasures | null;
  differencing: DifferencingExposure[] | null;
  differencingOverrideBy: string | null;
  outputSha256: string | null;
  job: { jobId: string; status: string; progress: number; step: string | null } | null;
  previousRelease: { releaseId: string; version: string; publishedAt: string | null; runId: string; measures: RunMeasures | null } | null;
  actions: string[];
}

export const RUN_WORKING: readonly RunStatus[] = ['queued', 'running'];
