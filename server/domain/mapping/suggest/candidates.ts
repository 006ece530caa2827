import { getLayout, type StandardDefinition, type VariableGroup } from '../../standard';
import { MappingRuleSchema, ruleColumns, type MappingRule } from '../spec-schema';
import type { ColumnTraits } from './column-traits';
import { FLAG_GROUPS, binaryFlagCandidates, groupValueShares, multiValueRule } from './flag-rules';
import type { LearnedMappings } from './learned';
import { momentOf, nameEvidence, type Evidence, type Moment } from './name-evidence';
import { ageRule, codeCopy, countryRule, binaryRule, type BuildContext } from './rule-builders';
import { codeMatcher } from './value-matcher';
import type { Candidate } from './types';
import { compact } from './words';

const isGroup = (target: string): target is VariableGroup => (FLAG_GROUPS as string[]).includes(target);

/**
 * A standard-layout file's own concatenation column (`meansOfControlConcatenated` beside the
 * `meansOfControl…` flags) is an output of the standard, not a source. A `recruiter_relationship`
 * column in a file without the flags is a source.
 */
function isDerivedOutput(standard: StandardDefinition, t: ColumnTraits, siblings: readonly ColumnTraits[]): boolean {
  const derived = standard.variables.find((v) => v.kind === 'derived' && compact(v.name) === compact(t.name));
  if (!derived || derived.kind !== 'derived') return false;
  const names = new Set(siblings.map((c) => compact(c.name)));
  return derived.derivation.sources.some((source) => names.has(compact(source)));
}

const MOMENT: Record<string, Moment> = { majorityStatus: 'registration', majorityStatusAtExploit: 'exploitation', majorityEntry: 'entry' };

const present = (c: Candidate | null): Candidate[] => (c ? [c] : []);

function dateLike(t: ColumnTraits): boolean {
  const kind = t.profile.identifier?.kind;
  return kind === 'precise_date' || t.profile.inferredType === 'date' || t.profile.inferredType === 'integer' || t.yearShare >= 0.5;
}

/** Rules for one variable named by a column, shaped by what the column's values look like. */
function forVariable(ctx: BuildContext, t: ColumnTraits, e: Evidence): Candidate[] {
  const layout = getLayout(ctx.standard);
  if (!layout.indexOf.has(e.target)) return [];
  const v = layout.variable(e.target);
  const ageLike = t.ageShare >= 0.8 && t.binaryShare < 0.5;
  switch (v.kind) {
    case 'derived':
      return [];
    case 'year':
      return dateLike(t) ? present(codeCopy(ctx, v.name, t, e)) : [];
    case 'country':
      return present(countryRule(v.name, t, e));
    case 'binary':
      return present(binaryRule(v.name, t, e));
    case 'code':
      break;
  }
  if (v.ageBands) {
    if (t.identifier) return [];
    if (t.bandShare >= 0.5) return present(codeCopy(ctx, v.name, t, e));
    if (!ageLike && t.filled > 0) return [];
    const out = [ageRule(ctx, v.name, t, e, 'age_band_from_age')];
    if (momentOf(t) === 'registration') out.push(ageRule(ctx, 'majorityStatus', t, { ...e, score: e.score * 0.9 }, 'majority_from_age'));
    return out;
  }
  if (v.name.startsWith('majority') && ageLike && !t.identifier) {
    // An age at registration says nothing of the age when exploitation began or at entry.
    return momentOf(t) === MOMENT[v.name] ? [ageRule(ctx, v.name, t, e, 'majority_from_age')] : [];
  }
  return present(codeCopy(ctx, v.name, t, e));
}

/** Every rule a column could be the source of, each with a score and where the idea came from. */
export function columnCandidates(ctx: BuildContext, t: ColumnTraits, siblings: readonly ColumnTraits[] = []): Candidate[] {
  if (isDerivedOutput(ctx.standard, t, siblings)) return [];
  const out: Candidate[] = [];
  for (const e of nameEvidence(t, ctx.standard)) {
    if (isGroup(e.target)) {
      const c = multiValueRule(ctx.standard, ctx.learned, e.target, t, e);
      if (c) out.push(c);
    } else {
      out.push(...forVariable(ctx, t, e));
    }
  }
  if (t.identifier || t.filled === 0) return out;
  if (t.countryShare >= 0.7) {
    out.push(...present(countryRule('citizenship', t, { target: 'citizenship', score: 0.55, source: 'country_names' })));
    out.push(...present(countryRule('CountryOfExploitation', t, { target: 'CountryOfExploitation', score: 0.5, source: 'country_names' })));
  }
  const gender = codeMatcher(ctx.standard, 'gender');
  const genderShare = t.values.filter((v) => gender.match(v.value)).reduce((n, v) => n + v.count, 0) / t.filled;
  if (genderShare >= 0.8 && t.binaryShare < 0.5) {
    const c = codeCopy(ctx, 'gender', t, { target: 'gender', score: 0.75, source: 'value_overlap' });
    if (c) out.push(c);
  }
  if (t.bandShare >= 0.8) {
    const c = codeCopy(ctx, 'ageBroad', t, { target: 'ageBroad', score: 0.8, source: 'value_overlap' });
    if (c) out.push(c);
  }
  for (const { group, share } of groupValueShares(ctx.standard, t)) {
    if (share < 0.6) continue;
    const c = multiValueRule(ctx.standard, ctx.learned, group, t, { target: group, score: 0.7 * share, source: 'value_overlap' });
    if (c) out.push(c);
  }
  if (t.binaryShare >= 0.8) out.push(...binaryFlagCandidates(ctx.standard, t));
  return out;
}

/** Rules approved for other partners that read a column of the same name. */
export function otherPartnerCandidates(learned: LearnedMappings, traits: ColumnTraits[], standard: StandardDefinition): Candidate[] {
  const byName = new Map(traits.map((t) => [compact(t.name), t]));
  const out: Candidate[] = [];
  for (const t of traits) {
    for (const rule of learned.byColumn.get(compact(t.name)) ?? []) {
      const columns = ruleColumns(rule);
      const renamed = columns.map((c) => byName.get(compact(c))?.name);
      if (renamed.some((c) => c === undefined)) continue;
      const json = JSON.stringify(rule, (key, value) => (typeof value === 'string' && columns.includes(value) && /column/i.test(key) ? renamed[columns.indexOf(value)] : value));
      const parsed = MappingRuleSchema.safeParse(JSON.parse(json));
      if (!parsed.success) continue;
      const r: MappingRule = parsed.data;
      if (t.identifier && (r.kind === 'copy' || r.kind === 'flags_from_multi_value' || r.kind === 'binary' || r.kind === 'country')) continue;
      const targets = r.kind === 'flags_from_multi_value' ? r.targets : [r.target];
      if (!targets.every((v) => getLayout(standard).indexOf.has(v))) continue;
      const exclusive = ['copy', 'binary', 'country', 'flags_from_multi_value'].includes(r.kind);
      out.push({ targets, rule: r, score: 0.92, source: 'other_partner', columns: renamed as string[], exclusive });
    }
  }
  return out;
}
