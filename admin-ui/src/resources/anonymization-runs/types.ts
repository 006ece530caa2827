import type { RunStatus } from '../../../../db/schema';
import type { DifferencingExposure, NodeMeasures, SuppressionCount } from '../../../../server/domain/anonymization/measure-types';
import type { RunMeasures } from '../../../../server/services/anonymization/run-measures';

/** Figures as the server stores them: the same declarations, read as types only. */
export type { NodeMeasures, RunMeasures, RunStatus, SuppressionCount };

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
