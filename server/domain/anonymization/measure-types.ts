/**
 * The figures an anonymization reports and the differencing exposures stored beside them, as JSON.
 * Types only and no imports: the admin UI reads these same declarations.
 */

export interface SuppressionCount {
  key: string;
  records: number;
  suppressed: number;
}

export interface ClassSizeBucket {
  label: string;
  min: number;
  /** null for the open-ended last bucket. */
  max: number | null;
  classes: number;
  records: number;
}

/** The figures of one anonymization of a dataset, JSON-serialisable. */
export interface NodeMeasures {
  levels: { qi: string; level: number; height: number }[];
  records: { in: number; kept: number; suppressed: number; suppressedShare: number };
  /** Sorted by partner id; `key` is the partner id. */
  suppressedByPartner: SuppressionCount[];
  /** Sorted by country; `key` is the harmonized country of exploitation (`''` when unknown). */
  suppressedByCountry: SuppressionCount[];
  /** Published (kept) classes only. */
  classes: { count: number; smallest: number | null; largest: number | null; sizeDistribution: ClassSizeBucket[]; smallestDistinct?: number | null };
  /** Prosecutor model over the kept records. */
  risk: { threshold: number; highest: number; average: number; recordsAboveThresholdShare: number };
  informationLoss: { measure: 'ARX loss'; total: number; perQi: { qi: string; level: number; height: number; loss: number }[] };
}

export interface AnonymizationMeasures extends NodeMeasures {
  /** False when even the most general node fails: every record is then suppressed. */
  found: boolean;
  policy: { k: number; suppressionLimit: number; lDiversity: { variable: string; l: number } | null; maxLevels: Record<string, number> };
  /** CTDC's approach for comparison: no generalization, every record in a class below k suppressed. */
  suppressionOnly: NodeMeasures;
  search: { nodesTotal: number; nodesChecked: number; nodesRolledUp: number; distinctCombinations: number };
  /** Wall-clock milliseconds; the only part of a result that differs between identical runs. */
  timing: { groupingMs: number; searchMs: number; outputMs: number; totalMs: number };
}

/** A class that grew by fewer than k records since the previous release. */
export interface DifferencingExposure {
  labels: Record<string, string>;
  previous: number;
  current: number;
  growth: number;
}
