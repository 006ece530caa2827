import { createContext, useContext } from 'react';
import type { ColumnProfile } from '../submissions/types';
import type { MappingComment, MappingSpec, MappingSuggestion, MappingVersionDetail } from './types';

export interface ValueFlag {
  comment: MappingComment;
  column: string;
  value: string;
  note: string;
}

/**
 * What every part of the mapping editor reads: the version and stable helpers. The draft spec is
 * in its own context, and open/focused rows are passed as props, so that one edit or one toggle
 * re-renders the rows it concerns, not the whole page (each row holds several inputs).
 */
export interface MappingEditor {
  version: MappingVersionDetail;
  editable: boolean;
  /** Applies an edit to the draft; nothing is sent until Save. */
  update(edit: (spec: MappingSpec) => MappingSpec): void;
  suggestions: MappingSuggestion | undefined;
  columns: Map<string, ColumnProfile>;
  commentsFor(variable: string | null): MappingComment[];
  authorName(comment: MappingComment): string;
  flagsFor(variable: string): ValueFlag[];
  openComments(variable: string | null, flag?: { column: string; value: string }): void;
  /** Shows a variable's rule: switches to the rules tab, opens its group and scrolls to it. */
  focus(variable: string): void;
  /** Opens or closes a variable's value grid (kept open while the steward switches tabs). */
  toggleValues(variable: string): void;
}

export const MappingEditorContext = createContext<MappingEditor | null>(null);

export function useMappingEditor(): MappingEditor {
  const editor = useContext(MappingEditorContext);
  if (!editor) throw new Error('useMappingEditor outside the mapping editor');
  return editor;
}

/** The draft spec (equal to the saved one until the steward edits). */
export const MappingSpecContext = createContext<MappingSpec | null>(null);

export function useMappingSpec(): MappingSpec {
  const spec = useContext(MappingSpecContext);
  if (!spec) throw new Error('useMappingSpec outside the mapping editor');
  return spec;
}

const FLAG = /^⚑ (.+?) = "([\s\S]*?)"(?:: ([\s\S]*))?$/;

/** Flagged values are stored as comments on the variable's rule, in this form, so reviewers see them. */
export const flagComment = (column: string, value: string, note: string) => `⚑ ${column} = "${value}"${note.trim() ? `: ${note.trim()}` : ''}`;

export function parseFlag(comment: MappingComment): ValueFlag | null {
  const m = FLAG.exec(comment.body);
  return m ? { comment, column: m[1], value: m[2], note: m[3] ?? '' } : null;
}
