import { anonymize, DatasetPolicyMismatchError } from '../../../server/domain/anonymization';
import { verifyRows } from '../../../server/domain/verifier';
import { dataset, GENDER, policy, YEARS } from './support';

/*
 * Year (R = 5) × gender (R = 3), N = 12, k = 3. Every (year, gender) class has 3 records, but
 * (2010, Female) has a single value of isForcedLabour.
 *   (0,0) with l = 2: that class fails → 3 suppressed > limit → node fails.
 *   (0,1): (2010, *) still holds only '1' → fails.
 *   (1,0): (2010-2011, Female) holds {1, 0}, (2012-2013, Male) {0, 1} → passes, nothing suppressed;
 *          year L = (12·2 − 12)/(60 − 12) = 0.25 → loss sqrt(1.25) − 1.
 */
const columns = ['yearOfRegistration', 'gender'];
const hierarchies = { yearOfRegistration: YEARS, gender: GENDER };
const data = dataset(
  columns,
  [
    [['2010', 'Female'], 3, { sensitive: '1' }],
    [['2011', 'Female'], 2, { sensitive: '0' }],
    [['2011', 'Female'], 1, { sensitive: '1' }],
    [['2012', 'Male'], 2, { sensitive: '0' }],
    [['2012', 'Male'], 1, { sensitive: '1' }],
    [['2013', 'Male'], 1, { sensitive: '1' }],
    [['2013', 'Male'], 2, { sensitive: '0' }],
  ],
  'isForcedLabour',
);

describe('distinct l-diversity', () => {
  it('is not needed for k alone: nothing is generalized', () => {
    const result = anonymize(data, policy(columns, hierarchies, { suppressionLimit: 0 }));
    expect(result.levels).toEqual({ yearOfRegistration: 0, gender: 0 });
  });

  it('generalizes until every class holds l distinct sensitive values', () => {
    const result = anonymize(data, policy(columns, hierarchies, { suppressionLimit: 0, lDiversity: { variable: 'isForcedLabour', l: 2 } }));
    expect(result.levels).toEqual({ yearOfRegistration: 1, gender: 0 });
    expect(result.measures.informationLoss.total).toBeCloseTo(Math.sqrt(1.25) - 1, 12);
    expect(result.measures.classes.smallestDistinct).toBe(2);
    expect(result.measures.policy.lDiversity).toEqual({ variable: 'isForcedLabour', l: 2 });
  });

  it('counts records of a class lacking diversity as suppressed', () => {
    // Limit 25 % = 3 records: (0,0) passes by suppressing (2010, Female). Year: 9 + 3·5 = 24 →
    // 12/48 = 0.25; gender: 9 + 3·3 = 18 → 6/24 = 0.25; total 0.25 > 0.118 of (1,0).
    const result = anonymize(data, policy(columns, hierarchies, { suppressionLimit: 0.25, lDiversity: { variable: 'isForcedLabour', l: 2 } }));
    expect(result.levels).toEqual({ yearOfRegistration: 1, gender: 0 });
    const restricted = anonymize(
      data,
      policy(columns, hierarchies, { suppressionLimit: 0.25, maxLevels: { yearOfRegistration: 0, gender: 0 }, lDiversity: { variable: 'isForcedLabour', l: 2 } }),
    );
    expect(restricted.levels).toEqual({ yearOfRegistration: 0, gender: 0 });
    expect(restricted.measures.records.suppressed).toBe(3);
    expect(restricted.measures.informationLoss.total).toBeCloseTo(0.25, 12);
    expect([0, 1, 2].map((i) => restricted.output.isSuppressed(i))).toEqual([true, true, true]);
  });

  it('publishes classes the verifier finds l-diverse', () => {
    const result = anonymize(data, policy(columns, hierarchies, { suppressionLimit: 0, lDiversity: { variable: 'isForcedLabour', l: 2 } }));
    const sensitive = ['1', '1', '1', '0', '0', '1', '0', '0', '1', '1', '0', '0'];
    const rows = [...result.output.rows()].map(({ index }) => ({ ...result.output.valuesOf(index)!, isForcedLabour: sensitive[index] }));
    const report = verifyRows(rows, { qis: columns, k: 3, lDiversity: { variable: 'isForcedLabour', l: 2 } });
    expect(report).toMatchObject({ ok: true, classes: 2, smallestClass: 6, l: 2 });
  });

  it('refuses a policy whose sensitive variable the dataset does not carry', () => {
    const plain = dataset(columns, [[['2010', 'Female'], 3]]);
    expect(() => anonymize(plain, policy(columns, hierarchies, { lDiversity: { variable: 'isForcedLabour', l: 2 } }))).toThrow(DatasetPolicyMismatchError);
  });
});
