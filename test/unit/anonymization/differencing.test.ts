import { anonymize, classCountsFromRows, findDifferencingExposures, releaseClassCounts } from '../../../server/domain/anonymization';
import { dataset, GENDER, policy, publishedRows, YEARS } from './support';

const columns = ['yearOfRegistration', 'gender'];
const hierarchies = { yearOfRegistration: YEARS, gender: GENDER };
// Levels held at 0 so both releases publish the same labels, as the comparison requires.
const fixedPolicy = policy(columns, hierarchies, { k: 11, suppressionLimit: 0, maxLevels: { yearOfRegistration: 0, gender: 0 } });

describe('differencing exposure', () => {
  const first = dataset(columns, [
    [['2010', 'Female'], 20],
    [['2011', 'Female'], 15],
    [['2011', 'Male'], 12],
  ]);
  // Next release: 3 new records in (2010, Female), 11 in (2011, Female), a new class of 12.
  const second = dataset(columns, [
    [['2010', 'Female'], 23],
    [['2011', 'Female'], 26],
    [['2011', 'Male'], 12],
    [['2012', 'Male'], 12],
  ]);
  const previous = releaseClassCounts(anonymize(first, fixedPolicy).output);
  const current = releaseClassCounts(anonymize(second, fixedPolicy).output);

  it('stores class counts keyed by the published labels', () => {
    expect(previous).toEqual({
      qis: columns,
      counts: { '["2010","Female"]': 20, '["2011","Female"]': 15, '["2011","Male"]': 12 },
    });
  });

  it('finds the one class whose growth, 3, is below k', () => {
    expect(findDifferencingExposures(previous, current, 11)).toEqual([
      { labels: { yearOfRegistration: '2010', gender: 'Female' }, previous: 20, current: 23, growth: 3 },
    ]);
  });

  it('finds nothing between identical releases', () => {
    expect(findDifferencingExposures(previous, previous, 11)).toEqual([]);
  });

  it('computes the same counts from published rows', () => {
    const result = anonymize(second, fixedPolicy);
    expect(classCountsFromRows(publishedRows(result), columns)).toEqual(current);
  });

  it('refuses to compare releases on different QIs', () => {
    expect(() => findDifferencingExposures({ qis: ['gender'], counts: {} }, current, 11)).toThrow(/different quasi-identifiers/);
  });
});
