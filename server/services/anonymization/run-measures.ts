/**
 * What a completed run stores as its measures: the engine's figures and what the run adds to them.
 * Types only: the admin UI reads these same declarations.
 */
import type { AnonymizationMeasures } from '../../domain/anonymization/measure-types';

export interface DifferencingSummary {
  against: { releaseId: string; version: string; runId: string } | null;
  compared: boolean;
  note: string | null;
  /** QIs both releases publish; each at the coarser of the two releases' levels. */
  qis: string[];
  previousLevels: Record<string, number>;
  currentLevels: Record<string, number>;
  comparedAtLevels: Record<string, number>;
  sameLevels: boolean;
  exposures: number;
}

export interface RunMeasures extends AnonymizationMeasures {
  /** Names of the partners in `suppressedByPartner`. */
  partners?: { id: string; name: string }[];
  output?: { rows: number; bytes: number; sha256: string };
  verification?: { ok: boolean; k: number; l: number | null; rows: number; classes: number; smallestClass: number | null };
  differencing?: DifferencingSummary;
}
