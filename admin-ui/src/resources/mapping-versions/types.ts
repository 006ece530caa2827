import type { MappingStatus } from '../../../../db/schema';
import type { MappingRule, MappingRuleKind, MappingSpec } from '../../../../server/domain/mapping/spec-schema';
import type { MappingSuggestion, SuggestionSource } from '../../../../server/domain/mapping/suggest/types';
import type { MappingDiff as RuleDiff, RuleChange } from '../../../../server/services/mappings/mapping-diff';
import type { ColumnProfile } from '../submissions/types';

export type { MappingRule, MappingRuleKind, MappingSpec, MappingStatus, MappingSuggestion, RuleChange, SuggestionSource };

export interface MappingIssue {
  code: string;
  message: string;
  column?: string;
  variable?: string;
  path?: string;
}

export interface MappingComment {
  id: string;
  mappingVersionId: string;
  variable: string | null;
  authorId: string;
  body: string;
  createdAt: string;
}

/** A row of `GET /api/mapping-versions` and `GET /api/partners/:id/mapping-versions`. */
export interface MappingVersionRow {
  id: string;
  partnerId: string;
  version: number;
  status: MappingStatus;
  standardId: string;
  spec: MappingSpec;
  basedOnSubmissionId: string | null;
  copiedFromId: string | null;
  authorId: string | null;
  submittedBy: string | null;
  reviewedBy: string | null;
  createdAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  updatedAt: string;
}

/** `GET /api/mapping-versions/:id`. */
export interface MappingVersionDetail extends MappingVersionRow {
  sourceColumns: ColumnProfile[];
  problems: MappingIssue[];
  warnings: MappingIssue[];
  comments: MappingComment[];
}

/**
 * `GET /api/mapping-versions/:id/coverage` (server/domain/mapping/coverage.ts); only `error` when
 * the mapping cannot be compiled. "Missing" values mean no information and count as neither.
 */
export interface MappingCoverage {
  variables: { total: number; mapped: number; notCollected: number; withoutRule: string[] };
  values: { distinct: number; mapped: number; missing: number };
  records: { total: number; covered: number; missing: number; share: number };
  unmapped: { column: string; value: string; count: number; variables: string[] }[];
  /** Columns read by rules whose values the profile did not keep (identifiers, dates). */
  unevaluatedColumns: string[];
  error: string | null;
}

/** `GET /api/mapping-versions/:id/diff`: the diff and the version it compares against. */
export interface MappingDiff extends RuleDiff {
  against: { id: string; version: number } | null;
}
