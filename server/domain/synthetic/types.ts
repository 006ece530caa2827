import type { IdentifierKind } from '../profiling/types';
import type { CaseFacts } from './case-facts';
import type { Rng } from './prng';

export type PartnerProfileName = 'hotline' | 'htcds' | 'shelter_fr' | 'legacy_ctdc';

/** How a standard variable is obtained from the source columns (what a correct mapping does). */
export type GroundTruthTransform =
  | 'copy'
  | 'value_map'
  | 'year_from_date'
  | 'age_band_from_age'
  | 'age_band_from_birth_date'
  | 'age_band_from_text'
  | 'majority_from_age'
  | 'split_multi_value'
  | 'country_code'
  | 'country_name'
  | 'binary'
  | 'constant';

export interface GroundTruthEntry {
  /** Standard variable (ctdc-k-v7 column name). */
  variable: string;
  sourceColumns: string[];
  transform: GroundTruthTransform;
  /** For split_multi_value: the source code that sets this flag. For constant: the value. */
  sourceValue?: string;
  /** For value_map: source spellings (as generated, before dirt) → standard value. */
  values?: Record<string, string>;
}

export interface IdentifierColumn {
  column: string;
  kind: IdentifierKind;
}

export interface PartnerProfile {
  name: PartnerProfileName;
  description: string;
  delimiter: ',' | ';' | '\t';
  encoding: 'utf-8' | 'windows-1252';
  /** Write a UTF-8 byte order mark first, as Excel's "CSV UTF-8" export does. */
  bom: boolean;
  lineEnding: '\n' | '\r\n';
  /** Lines written before the header (report titles some exports carry). */
  titleLines: string[];
  columns: readonly string[];
  identifiers: readonly IdentifierColumn[];
  groundTruth: readonly GroundTruthEntry[];
  /** One row, cells in `columns` order; empty string is a blank cell. */
  renderRow(facts: CaseFacts, rng: Rng, rowIndex: number): string[];
}
