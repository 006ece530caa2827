import type { StandardDefinition, VariableGroup } from '../../standard';
import { DEFAULT_SEPARATORS } from '../spec-schema';
import { COLUMN_ALIASES } from './column-aliases';
import { isMissingValue, splitTokens, type ColumnTraits } from './column-traits';
import { learnedFlags, type LearnedMappings } from './learned';
import type { Evidence } from './name-evidence';
import { binaryRule, mapValues } from './rule-builders';
import { flagMatcher, flagsOf, type ValueMatch } from './value-matcher';
import { FLAG_SYNONYMS, ISIC_SECTIONS } from './value-synonyms';
import type { Candidate } from './types';
import { words } from './words';

export const FLAG_GROUPS: VariableGroup[] = ['meansOfControl', 'exploitType', 'typeOfLabour', 'typeOfSex', 'recruiter'];

/** Words that place a column in a group without naming a flag. */
const GROUP_WORDS: Record<string, string[]> = {
  meansOfControl: ['mean', 'control', 'method'],
  exploitType: ['exploit', 'type'],
  typeOfLabour: ['labour', 'type', 'sector', 'industry'],
  typeOfSex: ['sex', 'sexual', 'type'],
  recruiter: ['recruiter', 'relation', 'relationship'],
};

const ISIC = /^([A-U])(?:_[A-Za-z]+)?$/i;

function isIsic(t: ColumnTraits): boolean {
  const n = t.tokens.reduce((s, v) => s + v.count, 0);
  return n > 0 && t.tokens.filter((v) => ISIC.test(v.value.trim())).reduce((s, v) => s + v.count, 0) / n >= 0.8;
}

/** A multi-value (or single-code) column feeding a group of flags through a code → flag map. */
export function multiValueRule(standard: StandardDefinition, learned: LearnedMappings, group: VariableGroup, t: ColumnTraits, e: Evidence): Candidate | null {
  // A yes/no column answers one question; it is never a list of codes.
  if (t.identifier || t.tokens.length === 0 || t.binaryShare >= 0.8) return null;
  const flags = flagsOf(standard, group).map((f) => f.name);
  const matcher = flagMatcher(standard, group, e.source === 'htcds');
  const isic = group === 'typeOfLabour' && isIsic(t);
  const match = (value: string): ValueMatch | null => {
    const fromOthers = learnedFlags(learned, flags, value);
    if (fromOthers) return { target: fromOthers[0], score: 0.92, source: 'other_partner' };
    // In a column of ISIC sections a stray lower-case letter is still a section.
    const section = isic ? ISIC.exec(value.trim().toUpperCase())?.[1] : undefined;
    if (section) return ISIC_SECTIONS[section] ? { target: ISIC_SECTIONS[section], score: 0.9, source: 'htcds' } : null;
    return matcher.match(value);
  };
  const split = bestSplit(t, match);
  // "Unknown" is usually no information, but a group may have a flag for it (recruiterRelationUnknown).
  const missingLike = splitTokens(t.profile.values ?? [], split.separators, true).filter((v) => isMissingValue(v.value) && v.value.trim() !== '');
  const spelled = missingLike.filter((v) => matcher.match(v.value) !== null);
  const { map, share, suggestions } = mapValues(t, [...split.tokens, ...spelled], match);
  if (share === 0) return null;
  const valueMap = Object.fromEntries(Object.entries(map).map(([code, flag]) => [code, [flag]]));
  const used = new Set(Object.values(map));
  // isSexAndLabour is derived by the consistency rules unless the partner codes it.
  const targets = flags.filter((f) => f !== 'isSexAndLabour' || used.has(f));
  const separators = split.separators.length > 0 ? split.separators : DEFAULT_SEPARATORS.filter((s) => !t.values.some((v) => v.value.includes(s)));
  return {
    targets,
    rule: { kind: 'flags_from_multi_value', targets, column: t.name, separators: separators.length > 0 ? separators : [';'], valueMap },
    score: Math.round(e.score * (0.5 + 0.5 * share) * 1000) / 1000,
    source: e.source,
    columns: [t.name],
    exclusive: true,
    values: suggestions,
  };
}

/** Share of a token list's records that `match` recognises. */
function matchedShare(tokens: ColumnTraits['tokens'], match: (value: string) => ValueMatch | null): number {
  const total = tokens.reduce((n, v) => n + v.count, 0);
  return total === 0 ? 0 : tokens.filter((v) => match(v.value) !== null).reduce((n, v) => n + v.count, 0) / total;
}

/**
 * The separators under which the most of the column's codes are recognised: small files give too
 * little repetition to tell a list separator from punctuation, the codes themselves can.
 */
export function bestSplit(t: ColumnTraits, match: (value: string) => ValueMatch | null): { separators: string[]; tokens: ColumnTraits['tokens']; share: number } {
  const options = [t.separators, [], ...t.separatorCandidates.map((s) => [s])];
  if (t.separatorCandidates.includes(';') || t.separatorCandidates.includes('|')) options.push([';', '|']);
  let best = { separators: t.separators, tokens: t.tokens, share: matchedShare(t.tokens, match) };
  for (const separators of options) {
    const tokens = splitTokens(t.values, separators);
    const share = matchedShare(tokens, match);
    if (share > best.share + 1e-9) best = { separators, tokens, share };
  }
  return best;
}

/** Share of tokens each flag group recognises, to spot a group from values alone. */
export function groupValueShares(standard: StandardDefinition, t: ColumnTraits): Array<{ group: VariableGroup; share: number }> {
  const total = t.tokens.reduce((s, v) => s + v.count, 0);
  if (total === 0 || t.values.length < 2 || t.binaryShare >= 0.8) return [];
  return FLAG_GROUPS.map((group) => {
    const matcher = flagMatcher(standard, group);
    return { group, share: bestSplit(t, (v) => matcher.match(v)).share };
  });
}

/** One yes/no column per flag: the flag whose name, label or synonyms explain the column's name. */
export function binaryFlagCandidates(standard: StandardDefinition, t: ColumnTraits): Candidate[] {
  if (t.identifier || t.words.length === 0) return [];
  const out: Candidate[] = [];
  const flags = standard.variables.filter((v) => v.kind === 'binary');
  for (const f of flags) {
    const own = new Set([
      ...words(f.name.replace(/^(meansOfControl|typeOfLabour|typeOfSex|recruiterRelation|is)/, '')),
      ...words(f.label),
      ...(FLAG_SYNONYMS[f.name] ?? []).flatMap(words),
      ...(COLUMN_ALIASES[f.name] ?? []).flatMap(words),
    ]);
    const context = new Set(GROUP_WORDS[f.group] ?? []);
    const specific = t.words.filter((w) => own.has(w)).length;
    if (specific === 0) continue;
    const contextual = t.words.filter((w) => !own.has(w) && context.has(w)).length;
    const cover = (specific + 0.5 * contextual) / t.words.length;
    const precision = specific / own.size;
    const score = 0.75 * cover + 0.2 * Math.min(1, precision * 2);
    if (score < 0.5) continue;
    const c = binaryRule(f.name, t, { target: f.name, score, source: 'name_similarity' });
    if (c) out.push(c);
  }
  return out;
}
