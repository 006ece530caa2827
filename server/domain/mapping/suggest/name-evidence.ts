import type { StandardDefinition } from '../../standard';
import { COLUMN_ALIASES, HTCDS_FIELDS } from './column-aliases';
import type { ColumnTraits } from './column-traits';
import type { SuggestionSource } from './types';
import { compact, editDistance, overlap, words } from './words';

/** A variable, or a flag group for multi-value columns, that a column's name points to. */
export interface Evidence {
  target: string;
  score: number;
  source: SuggestionSource;
}

const aliasWordLists = Object.fromEntries(
  Object.entries(COLUMN_ALIASES).map(([target, aliases]) => [target, aliases.map((a) => [...new Set(words(a))])]),
);
const htcdsByName = new Map(Object.entries(HTCDS_FIELDS).map(([field, target]) => [field.toLowerCase(), target]));

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((w) => sb.has(w));
}

function aliasScore(column: readonly string[], alias: readonly string[]): Evidence['score'] {
  if (column.length === 0 || alias.length === 0) return 0;
  if (sameSet(column, alias)) return 0.9;
  const cs = new Set(column);
  if (alias.every((w) => cs.has(w))) return 0.55 + 0.25 * (alias.length / cs.size);
  const o = overlap(column, alias);
  return o >= 0.5 ? 0.2 + 0.4 * o : 0;
}

/** Everything the column's name says: legacy CTDC names, HTCDS fields, aliases in four languages. */
export function nameEvidence(t: ColumnTraits, standard: StandardDefinition): Evidence[] {
  const out = new Map<string, Evidence>();
  const add = (e: Evidence) => {
    const prior = out.get(e.target);
    if (!prior || prior.score < e.score) out.set(e.target, e);
  };
  const name = compact(t.name);
  for (const v of standard.variables) {
    const own = compact(v.name);
    if (name === own) add({ target: v.name, score: 0.97, source: 'legacy_ctdc' });
    else if (own.length >= 8 && editDistance(name, own) <= 2) add({ target: v.name, score: 0.85, source: 'legacy_ctdc' });
  }
  const htcds = htcdsByName.get(t.name.trim().toLowerCase());
  if (htcds) add({ target: htcds, score: 0.95, source: 'htcds' });
  for (const [target, lists] of Object.entries(aliasWordLists)) {
    for (const alias of lists) {
      const score = aliasScore(t.words, alias);
      if (score > 0) add({ target, score, source: score >= 0.55 ? 'alias' : 'name_similarity' });
    }
  }
  return [...out.values()];
}

export type Moment = 'registration' | 'exploitation' | 'entry';

/** Which moment an age column's name refers to: exploitation start, entry/recruitment, or registration. */
export function momentOf(t: ColumnTraits): Moment {
  if (t.words.some((w) => w.startsWith('exploit') || w.startsWith('explot') || w.startsWith('explor'))) return 'exploitation';
  if (t.words.some((w) => ['entry', 'entr', 'recruit', 'recrutement', 'reclutamiento', 'recrutamento'].some((m) => w.startsWith(m)))) return 'entry';
  return 'registration';
}
