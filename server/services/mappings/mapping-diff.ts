/** What a mapping version changes against another. Types only: the admin UI reads them too. */
import type { MappingRule } from '../../domain/mapping/spec-schema';

export interface RuleChange {
  variables: string[];
  change: 'added' | 'removed' | 'changed';
  before: MappingRule | null;
  after: MappingRule | null;
}

export interface MappingDiff {
  rules: RuleChange[];
  droppedAdded: string[];
  droppedRemoved: string[];
}
