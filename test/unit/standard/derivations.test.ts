import {
  compileDerivations,
  concatenateFlagLabels,
  getStandard,
  objectToRecord,
  recordToObject,
} from '../../../server/domain/standard';

const s = getStandard();
const derive = (obj: Record<string, string | null>) => {
  const values = objectToRecord(s, obj);
  compileDerivations(s)(values);
  return recordToObject(s, values);
};

describe('derived variables', () => {
  it('joins the labels of the flags that are 1, alphabetically, with ;', () => {
    const out = derive({ meansOfControlPhysicalAbuse: '1', meansOfControlDebtBondage: '1', meansOfControlThreats: '0' });
    expect(out.meansOfControlConcatenated).toBe('Debt bondage;Physical abuse');
  });

  it('is empty when no flag is 1, whether flags are 0 or missing', () => {
    expect(derive({ meansOfControlThreats: '0' }).meansOfControlConcatenated).toBeNull();
    expect(derive({}).typeOfSexConcatenated).toBeNull();
  });

  it('computes each concatenation from its own group', () => {
    const out = derive({
      isSexualExploit: '1',
      isForcedLabour: '1',
      typeOfLabourDomesticWork: '1',
      typeOfLabourAgriculture: '1',
      typeOfSexPornography: '1',
      recruiterRelationFriend: '1',
      recruiterRelationFamily: '1',
      isAbduction: '1',
    });
    expect(out.typeOfExploitConcatenated).toBe('Forced labour;Sexual exploitation');
    expect(out.typeOfLabourConcatenated).toBe('Agriculture;Domestic work');
    expect(out.typeOfSexConcatenated).toBe('Pornography');
    expect(out.RecruiterRelationship).toBe('Family;Friend');
  });

  it('overwrites a stale derived value', () => {
    expect(derive({ typeOfSexConcatenated: 'Prostitution' }).typeOfSexConcatenated).toBeNull();
  });

  it('has a standalone helper with the same rule', () => {
    expect(
      concatenateFlagLabels([
        { label: 'Threats', value: '1' },
        { label: 'Debt bondage', value: '1' },
        { label: 'Other', value: '0' },
      ]),
    ).toBe('Debt bondage;Threats');
    expect(concatenateFlagLabels([{ label: 'Other', value: null }])).toBeNull();
  });
});
