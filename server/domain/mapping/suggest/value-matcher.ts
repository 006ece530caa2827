import { getLayout, type BinaryVariable, type StandardDefinition, type VariableGroup } from '../../standard';
import { valueKey } from '../value-key';
import { COLUMN_ALIASES } from './column-aliases';
import type { SuggestionSource } from './types';
import { CODE_SYNONYMS, FLAG_SYNONYMS } from './value-synonyms';
import { compact, words } from './words';

export type ValueSource = SuggestionSource;

export interface ValueMatch {
  target: string;
  score: number;
  source: ValueSource;
}

/** Matches source codes to a set of standard codes through synonyms, spelling and word order. */
export interface CodeMatcher {
  match(value: string): ValueMatch | null;
}

interface Entry {
  target: string;
  /** Exact spellings (valueKey) and compact forms. */
  exact: Set<string>;
  /** Word sets that mean this target, as sorted word strings. */
  wordSets: Set<string>;
  /** All words naming it, for partial matches. */
  vocabulary: Set<string>;
}

const wordSet = (text: string) => [...new Set(words(text))].sort().join(' ');

function entry(target: string, phrases: string[]): Entry {
  const exact = new Set<string>();
  const wordSets = new Set<string>();
  const vocabulary = new Set<string>();
  for (const p of phrases) {
    exact.add(valueKey(p));
    exact.add(compact(p));
    const ws = wordSet(p);
    if (ws !== '') wordSets.add(ws);
    words(p).forEach((w) => vocabulary.add(w));
  }
  return { target, exact, wordSets, vocabulary };
}

function matcher(entries: Entry[], sourceOf: (target: string, exact: boolean) => ValueSource = () => 'alias'): CodeMatcher {
  return {
    match(value) {
      const key = valueKey(value);
      const c = compact(value);
      const exact = entries.filter((e) => e.exact.has(key) || (c !== '' && e.exact.has(c)));
      if (exact.length === 1) return { target: exact[0].target, score: 0.95, source: sourceOf(exact[0].target, true) };
      if (exact.length > 1) return null;
      const ws = wordSet(value);
      const same = entries.filter((e) => e.wordSets.has(ws));
      if (same.length === 1) return { target: same[0].target, score: 0.9, source: sourceOf(same[0].target, false) };
      // Partial matches need real words: "no" or "a" would match half the vocabulary.
      const ownWords = words(value).filter((w) => w.length >= 3);
      if (ownWords.length === 0) return null;
      const scored = entries
        .map((e) => ({ e, hit: ownWords.filter((w) => e.vocabulary.has(w)).length / ownWords.length }))
        .filter((x) => x.hit >= 0.99)
        .sort((a, b) => a.e.vocabulary.size - b.e.vocabulary.size);
      if (scored.length === 1) return { target: scored[0].e.target, score: 0.7, source: 'name_similarity' };
      return null;
    },
  };
}

/** Codes of a coded variable (gender, majority status, data source). */
export function codeMatcher(standard: StandardDefinition, variableName: string): CodeMatcher {
  const v = getLayout(standard).variable(variableName);
  if (v.kind !== 'code') return { match: () => null };
  const synonyms = CODE_SYNONYMS[variableName] ?? (variableName.startsWith('majority') ? CODE_SYNONYMS.majority : {});
  return matcher(v.values.map((c) => entry(c.code, [c.code, c.label, ...(synonyms[c.code] ?? [])])));
}

/** The flags of one group, by their name suffix, label and synonyms. */
export function flagMatcher(standard: StandardDefinition, group: VariableGroup, htcds = false): CodeMatcher {
  const flags = flagsOf(standard, group);
  const prefix = commonPrefix(flags.map((f) => f.name));
  const entries = flags.map((f) =>
    entry(f.name, [f.name.slice(prefix.length), f.label, ...(FLAG_SYNONYMS[f.name] ?? []), ...(COLUMN_ALIASES[f.name] ?? [])]),
  );
  return matcher(entries, (_, exact) => (htcds && exact ? 'htcds' : 'alias'));
}

export function flagsOf(standard: StandardDefinition, group: VariableGroup): BinaryVariable[] {
  return standard.variables.filter((v): v is BinaryVariable => v.kind === 'binary' && v.group === group && v.name !== 'isAbduction');
}

/** `meansOfControl` for the means-of-control flags: the shared prefix, cut at a word boundary. */
function commonPrefix(names: string[]): string {
  if (names.length === 0) return '';
  let p = names[0];
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
  while (p !== '' && !names.every((n) => /[A-Z]/.test(n[p.length] ?? ''))) p = p.slice(0, -1);
  return p;
}
