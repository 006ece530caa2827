import type { FileProfile } from '../profiling/types';
import type { StandardDefinition } from '../standard';
import type { DateOrder, MappingRuleInput } from './spec-schema';
import { otherPartnerCandidates, columnCandidates } from './suggest/candidates';
import { BIRTH_DATE_ALIASES, HOTLINE_WORDS } from './suggest/column-aliases';
import { columnTraits, type ColumnTraits } from './suggest/column-traits';
import { learnFrom } from './suggest/learned';
import { birthDateRule, codeCopy, type BirthDateSourceInput, type BuildContext } from './suggest/rule-builders';
import type { ApprovedMapping, Candidate, MappingSuggestion, VariableSuggestion } from './suggest/types';
import { nameEvidence } from './suggest/name-evidence';
import { words } from './suggest/words';

export interface SuggestOptions {
  /** Mappings approved for other partners: their column names and value spellings are reused. */
  approvedMappings?: readonly ApprovedMapping[];
}

const MIN_SCORE = 0.3;
const NON_ENGLISH_BIRTH = new Set(['date de naissance', 'naissance', 'fecha de nacimiento', 'nacimiento', 'data de nascimento', 'nascimento'].map((a) => words(a).join(' ')));
const BIRTH_ALIASES = BIRTH_DATE_ALIASES.map((a) => words(a).join(' '));

function findBirthDate(traits: ColumnTraits[]): ColumnTraits | undefined {
  return (
    traits.find((t) => t.profile.identifier?.kind === 'birth_date') ??
    traits.find((t) => BIRTH_ALIASES.includes(t.words.join(' ')))
  );
}

/** The registration date column: the best-named date column for yearOfRegistration. */
function findRegistration(ctx: BuildContext, traits: ColumnTraits[]): { column: ColumnTraits; candidate: Candidate } | null {
  let best: { column: ColumnTraits; candidate: Candidate } | null = null;
  for (const t of traits) {
    for (const e of nameEvidence(t, ctx.standard)) {
      if (e.target !== 'yearOfRegistration') continue;
      const c = codeCopy(ctx, 'yearOfRegistration', t, e);
      if (c && (!best || c.score > best.candidate.score)) best = { column: t, candidate: c };
    }
  }
  return best;
}

/** Dates in files named in French, Spanish or Portuguese are day-first; ISO dates parse whatever the order. */
function guessDateOrder(birth: ColumnTraits): DateOrder {
  return NON_ENGLISH_BIRTH.has(birth.words.join(' ')) ? 'dmy' : 'ymd';
}

function datasourceConstant(traits: ColumnTraits[]): Candidate {
  const hotline = traits.some((t) => words(t.name).some((w) => HOTLINE_WORDS.includes(w)));
  const value = hotline ? 'Hotline' : 'Case Management';
  return { targets: ['Datasource'], rule: { kind: 'constant', target: 'Datasource', value }, score: 0.5, source: 'name_similarity', columns: [], exclusive: false };
}

function restrictFlags(c: Candidate, free: string[]): Candidate {
  const rule = c.rule as Extract<MappingRuleInput, { kind: 'flags_from_multi_value' }>;
  const valueMap = Object.fromEntries(Object.entries(rule.valueMap).map(([code, flags]) => [code, flags.filter((f) => free.includes(f))]));
  return { ...c, targets: free, rule: { ...rule, targets: free, valueMap } };
}

/** Highest score first; a variable takes one rule, an exclusive column feeds one rule. */
function assign(candidates: Candidate[]): Map<string, Candidate> {
  const assigned = new Map<string, Candidate>();
  const consumed = new Set<string>();
  const sorted = candidates.filter((c) => c.score >= MIN_SCORE).sort((a, b) => b.score - a.score);
  for (let c of sorted) {
    if (c.exclusive && c.columns.some((col) => consumed.has(col))) continue;
    const free = c.targets.filter((v) => !assigned.has(v));
    if (free.length === 0) continue;
    if (free.length < c.targets.length) {
      if (c.rule.kind !== 'flags_from_multi_value') continue;
      c = restrictFlags(c, free);
    }
    for (const v of free) assigned.set(v, c);
    if (c.exclusive) c.columns.forEach((col) => consumed.add(col));
  }
  return assigned;
}

/**
 * Suggests a rule per standard variable for a profiled partner file, each with a score and its
 * source, value mappings for coded columns, and `drop` for identifier columns. Nothing here is
 * applied: the steward accepts, edits or flags each suggestion.
 */
export function suggestMapping(profile: FileProfile, standard: StandardDefinition, options: SuggestOptions = {}): MappingSuggestion {
  const traits = profile.columns.map(columnTraits);
  const ctx: BuildContext = { standard, learned: learnFrom(options.approvedMappings ?? []), birthDate: null };
  const registration = findRegistration(ctx, traits);
  const birth = findBirthDate(traits);
  if (birth && registration) {
    const birthDate: BirthDateSourceInput = { birthDateColumn: birth.name, dateFormat: guessDateOrder(birth), reference: { column: registration.column.name } };
    ctx.birthDate = birthDate;
  }

  const candidates = traits.flatMap((t) => columnCandidates(ctx, t, traits));
  candidates.push(...otherPartnerCandidates(ctx.learned, traits, standard), datasourceConstant(traits));
  for (const c of [birthDateRule(ctx, 'ageBroad', 'age_band_from_birth_date'), birthDateRule(ctx, 'majorityStatus', 'majority_from_birth_date')]) {
    if (c) candidates.push(c);
  }
  const assigned = assign(candidates);

  const chosen = [...new Set(assigned.values())];
  const variables: VariableSuggestion[] = standard.variables
    .filter((v) => assigned.has(v.name))
    .map((v) => {
      const c = assigned.get(v.name)!;
      return { variable: v.name, rule: c.rule, score: c.score, source: c.source, columns: c.columns };
    });
  const drop = traits
    .filter((t) => t.profile.identifier)
    .map((t) => ({ column: t.name, reason: `${t.profile.identifier!.kind}: ${t.profile.identifier!.reason}` }));
  return {
    standardId: standard.id,
    spec: { standardId: standard.id, dropColumns: drop.map((d) => d.column), rules: chosen.map((c) => c.rule) },
    variables,
    values: chosen.flatMap((c) => c.values ?? []),
    drop,
    unmatched: standard.variables.filter((v) => v.kind !== 'derived' && !assigned.has(v.name)).map((v) => v.name),
  };
}
