import type { SubmissionStatus } from '../../../../db/schema';
import type { ColumnProfile, FileProfile, IdentifierKind, InferredType } from '../../../../server/domain/profiling/types';

export type { ColumnProfile, FileProfile, IdentifierKind, InferredType, SubmissionStatus };

/** The harmonization report (server/domain/mapping/run-accumulator.ts MappingRunReport, restated: that module is not type-checked here). */
export interface MappingRunReport {
  rows: number;
  unmappedColumns: {
    column: string;
    variables: string[];
    unmapped: number;
    defaulted: number;
    examples: { value: string; count: number }[];
    examplesWithheld: boolean;
    distinctUnmapped: number | null;
  }[];
  problems: { code: string; column: string; variable: string; count: number }[];
  consistency: Record<string, number>;
  missingByVariable: Record<string, number>;
}

export const SUBMISSION_STATUSES = [
  'received', 'profiling', 'profiled', 'harmonizing', 'harmonized', 'failed', 'rejected',
] as const satisfies readonly SubmissionStatus[];

/** States in which a background job is working on the submission: the page polls. */
export const WORKING: readonly SubmissionStatus[] = ['received', 'profiling', 'harmonizing'];

/** A row of `GET /api/submissions`. */
export interface SubmissionRow {
  id: string;
  partnerId: string;
  partnerName: string;
  status: SubmissionStatus;
  originalName: string;
  format: string | null;
  size: number;
  duplicateOf: string | null;
  recordCount: number | null;
  failureReason: string | null;
  mappingVersionId: string | null;
  receivedAt: string;
  profiledAt: string | null;
  harmonizedAt: string | null;
  rawDeletedAt: string | null;
  uploadedByName: string | null;
}

/** `GET /api/submissions/:id`. */
export interface SubmissionDetail extends SubmissionRow {
  sha256: string;
  profile: FileProfile | null;
  failureDetails: { code?: string; row?: number | null; column?: string | null; issues?: { code: string; column?: string; variable?: string }[] } | null;
  harmonizationReport: MappingRunReport | null;
}
