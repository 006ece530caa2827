import { suggestMapping, validateMapping, type ApprovedMapping, type SuggestionSource } from '../../../server/domain/mapping';
import { getStandard } from '../../../server/domain/standard';
import { PARTNER_FIXTURES } from './fixtures';
import { profileRows } from './support/profile-rows';
import { suggestionAccuracy } from './support/suggestion-accuracy';

const standard = getStandard();
const SOURCES: SuggestionSource[] = ['alias', 'name_similarity', 'value_overlap', 'country_names', 'other_partner', 'htcds', 'legacy_ctdc'];

describe.each(PARTNER_FIXTURES.map((f) => [f.kind, f] as const))('suggestions for a hand-made %s profile', (_, fixture) => {
  const profile = profileRows(fixture.header, fixture.rows, fixture.identifiers);
  const suggestion = suggestMapping(profile, standard);

  it('reach at least 90 % of the variables the file carries', () => {
    const accuracy = suggestionAccuracy(suggestion, fixture.truth);
    expect(accuracy.wrong).toEqual([]);
    expect(accuracy.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('suggest drop for every identifier column and nothing else', () => {
    expect(suggestion.drop.map((d) => d.column).sort()).toEqual(Object.keys(fixture.identifiers).sort());
    expect(suggestion.spec.dropColumns?.slice().sort()).toEqual(Object.keys(fixture.identifiers).sort());
  });

  it('give each suggestion a score between 0 and 1 and a known source', () => {
    for (const v of suggestion.variables) {
      expect(v.score).toBeGreaterThan(0);
      expect(v.score).toBeLessThanOrEqual(1);
      expect(SOURCES).toContain(v.source);
    }
  });

  it('assemble a mapping that validates and reproduces the approved one on the file', () => {
    const v = validateMapping(suggestion.spec, { standard, header: fixture.header, profile });
    expect(v.ok ? [] : v.errors).toEqual([]);
  });

  it('never suggest a derived variable or a copy of an identifier column', () => {
    const derived = standard.variables.filter((v) => v.kind === 'derived').map((v) => v.name);
    expect(suggestion.variables.map((v) => v.variable).filter((v) => derived.includes(v))).toEqual([]);
    for (const v of suggestion.variables) {
      if (v.rule.kind === 'copy') expect(Object.keys(fixture.identifiers)).not.toContain(v.rule.column);
    }
  });
});

describe('value suggestions', () => {
  it('map spelling variants and languages of a coded column to the standard codes', () => {
    const values = ['Feminine', 'F', 'Femme', 'Mujer', 'female', 'Mulher', 'Masculine', 'H', 'Hombre', 'TransgenderMasculine', 'Other'];
    const profile = profileRows(['Gender'], values.map((v) => [v]));
    const suggestion = suggestMapping(profile, standard);
    const byValue = Object.fromEntries(suggestion.values.filter((v) => v.column === 'Gender').map((v) => [v.value, v.target]));
    expect(byValue).toEqual({
      Feminine: 'Female', F: 'Female', Femme: 'Female', Mujer: 'Female', female: 'Female', Mulher: 'Female',
      Masculine: 'Male', H: 'Male', Hombre: 'Male', TransgenderMasculine: 'Transgender/NonConforming', Other: null,
    });
  });

  it('read ISIC sections as labour types and HTCDS control codes in any word order', () => {
    const profile = profileRows(
      ['vic_ForcedLabourIndustry', 'vic_MethodsOfControl'],
      [['A', 'DebtBondage;EarningsTaken'], ['F', 'DocumentsWithheld|Threats'], ['T', 'PsychoactiveSubstances'], ['I', 'NotSpecified'], ['B', 'ThreatOfLawEnforcement']],
    );
    const suggestion = suggestMapping(profile, standard);
    const targets = (column: string) => Object.fromEntries(suggestion.values.filter((v) => v.column === column).map((v) => [v.value, v.target]));
    expect(targets('vic_ForcedLabourIndustry')).toEqual({
      A: 'typeOfLabourAgriculture', F: 'typeOfLabourConstruction', T: 'typeOfLabourDomesticWork', I: 'typeOfLabourHospitality', B: 'typeOfLabourMiningOrDrilling',
    });
    expect(targets('vic_MethodsOfControl')).toMatchObject({
      DebtBondage: 'meansOfControlDebtBondage', EarningsTaken: 'meansOfControlTakesEarnings', DocumentsWithheld: 'meansOfControlWithholdsDocuments',
      Threats: 'meansOfControlThreats', NotSpecified: 'meansOfControlNotSpecified', ThreatOfLawEnforcement: 'meansOfControlThreatOfLawEnforcement',
    });
    expect(suggestion.variables.find((v) => v.variable === 'typeOfLabourAgriculture')?.source).toBe('htcds');
  });

  it('recognise countries written out in four languages even under an unknown column name', () => {
    const profile = profileRows(['Herkunft'], ['Moldavie', 'Estados Unidos', "Côte d'Ivoire", 'Filipinas', 'Roménia', 'Viet Nam'].map((v) => [v]));
    const s = suggestMapping(profile, standard).variables.find((v) => v.variable === 'citizenship');
    expect(s).toMatchObject({ source: 'country_names', rule: { kind: 'country', column: 'Herkunft', naMeans: 'missing' } });
  });

  it('legacy CTDC names with typos are recognised', () => {
    const profile = profileRows(['CountryofExploitation', 'meansofcontrolDebtBondage'], [['US', '1'], ['NA', '0']]);
    const s = suggestMapping(profile, standard);
    expect(s.variables.find((v) => v.variable === 'CountryOfExploitation')).toMatchObject({ source: 'legacy_ctdc', rule: { kind: 'country', naMeans: 'namibia' } });
    expect(s.variables.find((v) => v.variable === 'meansOfControlDebtBondage')).toMatchObject({ source: 'legacy_ctdc', rule: { kind: 'binary' } });
  });
});

describe('learning from other partners', () => {
  const approved: ApprovedMapping[] = [{
    partnerId: 'p-1',
    spec: {
      standardId: standard.id,
      rules: [
        { kind: 'copy', target: 'gender', column: 'Geschlecht', valueMap: { W: 'Female', M: 'Male', D: 'Transgender/NonConforming' } },
        { kind: 'flags_from_multi_value', column: 'Kontrolle', targets: ['meansOfControlDebtBondage', 'meansOfControlThreats'], valueMap: { Schulden: ['meansOfControlDebtBondage'], Drohungen: ['meansOfControlThreats'] } },
      ],
    },
  }];

  it('reuses a rule approved for a column of the same name', () => {
    const profile = profileRows(['geschlecht', 'Kontrolle'], [['W', 'Schulden;Drohungen'], ['M', 'Drohungen'], ['D', '']]);
    const s = suggestMapping(profile, standard, { approvedMappings: approved });
    expect(s.variables.find((v) => v.variable === 'gender')).toMatchObject({ source: 'other_partner', rule: { kind: 'copy', column: 'geschlecht', valueMap: { W: 'Female', M: 'Male', D: 'Transgender/NonConforming' } } });
    expect(s.variables.find((v) => v.variable === 'meansOfControlThreats')).toMatchObject({ source: 'other_partner', rule: { column: 'Kontrolle' } });
  });

  it('reuses value spellings approved for the same variable under another column name', () => {
    const profile = profileRows(['Gender'], [['W'], ['M'], ['D'], ['Female']]);
    const s = suggestMapping(profile, standard, { approvedMappings: approved });
    const w = s.values.find((v) => v.value === 'W');
    expect(w).toMatchObject({ target: 'Female', source: 'other_partner' });
    expect(s.values.find((v) => v.value === 'D')).toMatchObject({ target: 'Transgender/NonConforming', source: 'other_partner' });
  });
});
