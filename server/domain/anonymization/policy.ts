import { buildDefaultHierarchies, DEFAULT_QIS, YearRange } from './default-hierarchies';
import { Hierarchy } from './hierarchy';

export const DEFAULT_K = 11;
export const DEFAULT_SUPPRESSION_LIMIT = 0.05;

export interface LDiversityRule {
  /** The sensitive variable; it must not be a QI. `''` (no information) counts as one value. */
  variable: string;
  l: number;
}

/** What the engine needs to anonymize one dataset. JSON-serialisable, so it can be stored. */
export interface AnonymizationPolicy {
  qis: string[];
  hierarchies: Record<string, Hierarchy>;
  /** Highest level the search may use per QI; a missing entry means the hierarchy's `*` level. */
  maxLevels: Record<string, number>;
  k: number;
  /** Share of the records (0..1) that may be suppressed to reach k (and l). */
  suppressionLimit: number;
  lDiversity?: LDiversityRule;
  /** Prosecutor risk above which a record counts as at risk in the measures; default 1/k. */
  riskThreshold?: number;
}

/** privacy.md's defaults: the 7 default QIs and hierarchies, k = 11, 5 % suppression. */
export function defaultPolicy(years: YearRange): AnonymizationPolicy {
  return {
    qis: [...DEFAULT_QIS],
    hierarchies: buildDefaultHierarchies(years),
    maxLevels: {},
    k: DEFAULT_K,
    suppressionLimit: DEFAULT_SUPPRESSION_LIMIT,
  };
}

export function riskThresholdOf(policy: AnonymizationPolicy): number {
  return policy.riskThreshold ?? 1 / policy.k;
}

/** Largest whole number of suppressed records the limit allows (tolerates 0.29 * 100 = 28.999…). */
export function maxSuppressedRecords(policy: AnonymizationPolicy, records: number): number {
  return Math.floor(policy.suppressionLimit * records + 1e-9);
}
