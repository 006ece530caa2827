import {
  acceptValueSuggestions, acceptVariableSuggestions, completeValueSuggestions, joinFlagsRule, kindsFor, sameSpec, setValueCode,
  setVariableRule, suggestionApplied, type ValueSuggestion,
} from '../../../admin-ui/src/resources/mapping-versions/spec-edit';
import type { MappingSpec, MappingSuggestion } from '../../../admin-ui/src/resources/mapping-versions/types';
import { standardVariable } from '../../../admin-ui/src/standard';

const base = (): MappingSpec => ({
  standardId: 'ctdc-k-v7',
  dropColumns: ['victim_name'],
  rules: [
    { kind: 'copy', target: 'gender', column: 'sex', valueMap: { F: 'Female', M: 'Male' } },
    {
      kind: 'flags_from_multi_value', targets: ['typeOfLabourAgriculture', 'typeOfLabourConstruction'], column: 'sector',
      separators: [';'], absentMeans: 'zero', valueMap: { farm: ['typeOfLabourAgriculture'], site: ['typeOfLabourConstruction'] },
    },
  ],
});

const suggestion = (value: string, target: string | null): ValueSuggestion => ({ column: 'sex', value, count: 3, target, score: 0.9, source: 'alias' });

describe('mapping editor: spec edits', () => {
  it('offers the rule kinds the server accepts for each kind of variable', () => {
    expect(kindsFor(standardVariable('ageBroad')!)).toEqual(expect.arrayContaining(['copy', 'age_band_from_age', 'age_band_from_birth_date']));
    expect(kindsFor(standardVariable('ageBroad')!)).not.toContain('majority_from_age');
    expect(kindsFor(standardVariable('majorityStatus')!)).toContain('majority_from_birth_date');
    expect(kindsFor(standardVariable('citizenship')!)[0]).toBe('country');
    expect(kindsFor(standardVariable('meansOfControlConcatenated')!)).toEqual([]);
  });

  it('maps and unmaps a value, matching spellings as the server does, without touching the original', () => {
    const spec = base();
    const unmapped = setValueCode(spec, 0, ' f ', null);
    expect(unmapped.rules[0]).toMatchObject({ valueMap: { M: 'Male' } });
    expect(spec.rules[0]).toMatchObject({ valueMap: { F: 'Female', M: 'Male' } });
    expect(sameSpec(setValueCode(unmapped, 0, 'F', 'Female'), spec)).toBe(true);
  });

  it('unmaps every spelling of a value a learned map holds, since the server matches them all', () => {
    const spec = setValueCode(base(), 0, 'x', 'Male');
    const learned: MappingSpec = { ...spec, rules: [{ kind: 'copy', target: 'gender', column: 'sex', valueMap: { F: 'Female', f: 'Female', ' Fé ': 'Female' } }, spec.rules[1]] };
    expect(setValueCode(learned, 0, 'f', null).rules[0]).toMatchObject({ valueMap: { ' Fé ': 'Female' } });
  });

  it('accepts suggestions for unmapped values only, unless one is accepted explicitly', () => {
    const spec = setValueCode(base(), 0, 'M', 'Female');
    const all = acceptValueSuggestions(spec, [suggestion('M', 'Male'), suggestion('T', 'Transgender/NonConforming'), suggestion('?', null)]);
    expect(all.accepted).toBe(1);
    expect(all.spec.rules[0]).toMatchObject({ valueMap: { F: 'Female', M: 'Female', T: 'Transgender/NonConforming' } });
    const one = acceptValueSuggestions(spec, [suggestion('M', 'Male')], true);
    expect(suggestionApplied(one.spec, suggestion('M', 'Male'))).toBe(true);
  });

  it('takes one flag out of a shared multi-value rule, and joins it back', () => {
    const detached = setVariableRule(base(), 'typeOfLabourConstruction', { kind: 'not_collected', target: 'typeOfLabourConstruction' });
    expect(detached.rules[1]).toMatchObject({ targets: ['typeOfLabourAgriculture'], valueMap: { farm: ['typeOfLabourAgriculture'], site: [] } });
    expect(detached.rules[2]).toEqual({ kind: 'not_collected', target: 'typeOfLabourConstruction' });
    const joined = joinFlagsRule(detached, 'typeOfLabourConstruction', 'sector');
    expect(joined.rules).toHaveLength(2);
    expect(joined.rules[1]).toMatchObject({ targets: ['typeOfLabourAgriculture', 'typeOfLabourConstruction'] });
  });

  it('adds suggested rules only for variables without one, and a shared flags rule once', () => {
    const flags = { kind: 'flags_from_multi_value' as const, targets: ['typeOfSexProstitution', 'typeOfSexPornography'], column: 'industry', valueMap: { Webcam: ['typeOfSexPornography'] } };
    const s: MappingSuggestion['variables'] = [
      { variable: 'gender', rule: { kind: 'copy', target: 'gender', column: 'other' }, score: 0.5, source: 'alias', columns: ['other'] },
      { variable: 'typeOfSexProstitution', rule: flags, score: 0.8, source: 'alias', columns: ['industry'] },
      { variable: 'typeOfSexPornography', rule: flags, score: 0.8, source: 'alias', columns: ['industry'] },
    ];
    const r = acceptVariableSuggestions(base(), s);
    expect(r.accepted).toBe(2);
    expect(r.spec.rules).toHaveLength(3);
    expect(r.spec.rules[0]).toMatchObject({ column: 'sex' });
    expect(r.spec.rules[2]).toMatchObject({ kind: 'flags_from_multi_value', separators: [';', '|', ','], absentMeans: 'zero' });
  });

  it('completes value suggestions from the value maps of suggested rules', () => {
    const s: MappingSuggestion = {
      standardId: 'ctdc-k-v7', spec: base(), drop: [], unmatched: [],
      variables: [{ variable: 'gender', rule: { kind: 'copy', target: 'gender', column: 'sex', valueMap: { F: 'Female', M: 'Male' } }, score: 0.92, source: 'other_partner', columns: ['sex'] }],
      values: [suggestion('F', 'Female')],
    };
    const completed = completeValueSuggestions(s).values;
    expect(completed).toHaveLength(2);
    expect(completed[1]).toMatchObject({ column: 'sex', value: 'M', target: 'Male', score: 0.92, source: 'other_partner' });
  });
});
