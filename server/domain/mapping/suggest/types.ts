import type { MappingRuleInput, MappingSpecInput } from '../spec-schema';

/** Where a suggestion comes from, shown to the steward beside its score. */
export type SuggestionSource =
  | 'alias'
  | 'name_similarity'
  | 'value_overlap'
  | 'country_names'
  | 'other_partner'
  | 'htcds'
  | 'legacy_ctdc';

export interface VariableSuggestion {
  variable: string;
  /** The rule proposed; a flags rule is shared by every flag variable it feeds. */
  rule: MappingRuleInput;
  /** 0..1: how sure the suggestion is. */
  score: number;
  source: SuggestionSource;
  /** Source columns the rule reads. */
  columns: string[];
}

/** One source value of a coded column and the standard code (or flag variable) proposed for it. */
export interface ValueSuggestion {
  column: string;
  value: string;
  /** Records holding it (multi-value cells: records naming it). */
  count: number;
  /** A standard code, or a flag variable for multi-value columns; null when nothing fits. */
  target: string | null;
  score: number;
  source: SuggestionSource | null;
}

export interface DropSuggestion {
  column: string;
  reason: string;
}

export interface MappingSuggestion {
  standardId: string;
  /** The suggestions assembled into a mapping the steward can start from. */
  spec: MappingSpecInput;
  variables: VariableSuggestion[];
  values: ValueSuggestion[];
  drop: DropSuggestion[];
  /** Standard variables (derived ones excluded) nothing was found for. */
  unmatched: string[];
}

/** A mapping approved for another partner, to learn column names and value spellings from. */
export interface ApprovedMapping {
  partnerId?: string;
  spec: MappingSpecInput;
}

/** A possible rule before assignment: it competes with others for its variables and column. */
export interface Candidate {
  targets: string[];
  rule: MappingRuleInput;
  score: number;
  source: SuggestionSource;
  columns: string[];
  /** Uses its column up: one coded column feeds one variable (or one flag group). */
  exclusive: boolean;
  values?: ValueSuggestion[];
}
