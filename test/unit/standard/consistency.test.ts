import {
  applyConsistencyRules,
  findingKey,
  getStandard,
  objectToRecord,
  recordToObject,
} from '../../../server/domain/standard';

const s = getStandard();
const check = (obj: Record<string, string | null>) => {
  const values = objectToRecord(s, obj);
  const findings = applyConsistencyRules(s, values).map(findingKey);
  return { out: recordToObject(s, values), findings };
};

describe('majorityStatus agrees with ageBroad', () => {
  it('fills a missing or Unknown status from the band', () => {
    expect(check({ ageBroad: '9--17' })).toMatchObject({ out: { majorityStatus: 'Minor' }, findings: ['majority_status_filled:majorityStatus'] });
    expect(check({ ageBroad: '0--8', majorityStatus: 'Unknown' }).out.majorityStatus).toBe('Minor');
    expect(check({ ageBroad: '18--20' }).out.majorityStatus).toBe('Adult');
  });

  it('fixes a contradiction and reports it', () => {
    expect(check({ ageBroad: '30--38', majorityStatus: 'Minor' })).toMatchObject({
      out: { majorityStatus: 'Adult' },
      findings: ['majority_status_conflict:majorityStatus'],
    });
  });

  it('leaves a status alone when the band is missing, and reports nothing when they agree', () => {
    expect(check({ majorityStatus: 'Minor' })).toMatchObject({ out: { majorityStatus: 'Minor' }, findings: [] });
    expect(check({ ageBroad: '48+', majorityStatus: 'Adult' }).findings).toEqual([]);
  });
});

describe('isSexAndLabour is 1 exactly when isForcedLabour and isSexualExploit are 1', () => {
  it('derives it from both components', () => {
    expect(check({ isForcedLabour: '1', isSexualExploit: '1' })).toMatchObject({
      out: { isSexAndLabour: '1' },
      findings: ['conjunction_filled:isSexAndLabour'],
    });
    expect(check({ isForcedLabour: '1', isSexualExploit: '0' }).out.isSexAndLabour).toBe('0');
    expect(check({ isForcedLabour: '0' }).out.isSexAndLabour).toBe('0');
  });

  it('stays missing when it cannot be known', () => {
    expect(check({ isForcedLabour: '1' })).toMatchObject({ out: { isSexAndLabour: null }, findings: [] });
  });

  it('corrects a 1 that the components contradict', () => {
    expect(check({ isForcedLabour: '0', isSexualExploit: '1', isSexAndLabour: '1' })).toMatchObject({
      out: { isSexAndLabour: '0' },
      findings: ['conjunction_conflict:isSexAndLabour'],
    });
  });

  it('fills a missing component from a declared 1', () => {
    expect(check({ isForcedLabour: '1', isSexAndLabour: '1' })).toMatchObject({
      out: { isSexualExploit: '1', isSexAndLabour: '1' },
      findings: ['conjunction_component_filled:isSexualExploit'],
    });
  });
});

describe('a NotSpecified flag excludes the other flags of its group', () => {
  it('sets NotSpecified to 0 when a specific flag is 1', () => {
    expect(check({ meansOfControlNotSpecified: '1', meansOfControlThreats: '1' })).toMatchObject({
      out: { meansOfControlNotSpecified: '0', meansOfControlThreats: '1' },
      findings: ['not_specified_conflict:meansOfControlNotSpecified'],
    });
    expect(check({ typeOfLabourNotSpecified: '1', typeOfLabourBegging: '1' }).out.typeOfLabourNotSpecified).toBe('0');
  });

  it('accepts NotSpecified with the others 0 or empty', () => {
    expect(check({ meansOfControlNotSpecified: '1', meansOfControlThreats: '0' }).findings).toEqual([]);
  });
});
