import { anonymize } from '../../../server/domain/anonymization';
import { dataset, GENDER, policy, YEARS } from './support';

/*
 * Two QIs: year (2010..2013 → 2-year band → *, R = 5 leaf rows with the empty value) and gender
 * (Female, Male → *, R = 3). N = 20 records throughout.
 *
 * ARX loss per QI: L = (S·R − N) / (N·R − N), S·R summing, per kept record, the leaf rows under its
 * label and R per suppressed record.
 *   year level 1, nothing suppressed: every band covers 2 rows → S·R = 40 → L = 20/80 = 0.25
 *   year level 2: S·R = 100 → L = 1;   gender level 1: S·R = 60 → L = 40/40 = 1
 *   total = sqrt((1 + L_year)(1 + L_gender)) − 1
 */
const columns = ['yearOfRegistration', 'gender'];
const hierarchies = { yearOfRegistration: YEARS, gender: GENDER };

describe('search, hand-computed optima', () => {
  // (2013, Male) ×1 and (2013, Female) ×2 are below k = 3: suppression alone removes 3 records.
  const data = dataset(columns, [
    [['2010', 'Female'], 4],
    [['2011', 'Female'], 4],
    [['2012', 'Male'], 5],
    [['2013', 'Male'], 1],
    [['2013', 'Female'], 2],
    [['2012', 'Female'], 4],
  ]);

  it('generalizes the year when suppression would exceed the limit', () => {
    // limit 10 % of 20 = 2 records < 3: (0,0) fails. (1,0): classes 8, 6, 6 → 0 suppressed,
    // loss sqrt(1.25 · 1) − 1 = 0.1180. (0,1): classes 4, 4, 9, 3 → loss sqrt(1 · 2) − 1 = 0.4142.
    const result = anonymize(data, policy(['yearOfRegistration', 'gender'], hierarchies));
    expect(result.levels).toEqual({ yearOfRegistration: 1, gender: 0 });
    expect(result.measures.informationLoss.total).toBeCloseTo(Math.sqrt(1.25) - 1, 12);
    expect(result.measures.informationLoss.perQi.map((q) => q.loss)).toEqual([0.25, 0]);
    expect(result.measures.records).toEqual({ in: 20, kept: 20, suppressed: 0, suppressedShare: 0 });
    expect(result.measures.classes.count).toBe(3);
    expect(result.measures.classes.smallest).toBe(6);
    expect(result.output.labelsOf(0)).toEqual(['2010-2011', 'Female']);
  });

  it('prefers generalization even where suppression alone is allowed but loses more', () => {
    // limit 15 % = 3 records: (0,0) passes with 3 suppressed. Year: S·R = 17·1 + 3·5 = 32 → 0.15;
    // gender: 17·1 + 3·3 = 26 → 6/40 = 0.15; total 0.15 > 0.1180 of (1,0).
    const result = anonymize(data, policy(columns, hierarchies, { suppressionLimit: 0.15 }));
    expect(result.levels).toEqual({ yearOfRegistration: 1, gender: 0 });
    expect(result.measures.suppressionOnly.records.suppressed).toBe(3);
    expect(result.measures.suppressionOnly.informationLoss.total).toBeCloseTo(0.15, 12);
  });

  it('suppresses when that loses less than generalizing', () => {
    // One record below k: (0,0) suppresses 1 ≤ 2. Year: 19 + 5 = 24 → 4/80 = 0.05; gender:
    // 19 + 3 = 22 → 2/40 = 0.05; total 0.05 < 0.1180.
    const oneRare = dataset(columns, [
      [['2010', 'Female'], 4],
      [['2011', 'Female'], 4],
      [['2012', 'Male'], 5],
      [['2013', 'Male'], 1],
      [['2012', 'Female'], 6],
    ]);
    const result = anonymize(oneRare, policy(columns, hierarchies));
    expect(result.levels).toEqual({ yearOfRegistration: 0, gender: 0 });
    expect(result.measures.informationLoss.total).toBeCloseTo(0.05, 12);
    expect(result.measures.records.suppressed).toBe(1);
    expect(result.output.isSuppressed(13)).toBe(true);
    expect(result.output.labelsOf(13)).toBeNull();
  });

  it('respects the max level per QI', () => {
    // Year held at level 0: the only passing nodes are (0,1) with loss 0.4142.
    const result = anonymize(data, policy(columns, hierarchies, { maxLevels: { yearOfRegistration: 0 } }));
    expect(result.levels).toEqual({ yearOfRegistration: 0, gender: 1 });
    expect(result.measures.informationLoss.total).toBeCloseTo(Math.SQRT2 - 1, 12);
    expect(result.output.labelsOf(0)).toEqual(['2010', '*']);
    expect(result.measures.policy.maxLevels).toEqual({ yearOfRegistration: 0, gender: 1 });
  });

  it('breaks ties by lower height, then lexicographic levels', () => {
    // Symmetric data: (1,0) and (0,1) both keep every record with L = (8·3 − 8)/(24 − 8) = 1 on
    // the generalized QI: equal loss sqrt(2) − 1, equal height; (0,1) comes first.
    const flat = { rows: [['x', '*'], ['y', '*'], ['', '*']] };
    const symmetric = dataset(['a', 'b'], [
      [['x', 'x'], 3],
      [['y', 'y'], 3],
      [['x', 'y'], 1],
      [['y', 'x'], 1],
    ]);
    const result = anonymize(symmetric, policy(['a', 'b'], { a: flat, b: flat }, { k: 2, suppressionLimit: 0 }));
    expect(result.levels).toEqual({ a: 0, b: 1 });
    expect(result.measures.informationLoss.total).toBeCloseTo(Math.SQRT2 - 1, 12);
  });

  it('reports no solution when even * everywhere fails, suppressing everything', () => {
    const tiny = dataset(columns, [[['2010', 'Female'], 5]]);
    const result = anonymize(tiny, policy(columns, hierarchies, { k: 11, suppressionLimit: 0 }));
    expect(result.found).toBe(false);
    expect(result.levels).toBeNull();
    expect(result.measures.records.suppressed).toBe(5);
    expect(result.measures.classes.count).toBe(0);
    expect(result.measures.informationLoss.total).toBe(1);
    expect([...result.output.rows()].every((row) => row.suppressed)).toBe(true);
  });

  it('accepts an empty dataset', () => {
    const result = anonymize(dataset(columns, []), policy(columns, hierarchies));
    expect(result.found).toBe(true);
    expect(result.measures.records.in).toBe(0);
    expect(result.output.recordCount).toBe(0);
  });

  it('refuses a value missing from the hierarchy, naming the QI and the value', () => {
    const odd = dataset(columns, [[['2014', 'Female'], 3]]);
    expect(() => anonymize(odd, policy(columns, hierarchies))).toThrow('yearOfRegistration: value "2014" is not in the hierarchy');
  });
});
