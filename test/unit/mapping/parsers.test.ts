import fc from 'fast-check';
import { fullYearsBetween, parseAge, parseDate, parseDateLenient, parseYear, valueKey } from '../../../server/domain/mapping';

describe('parseAge', () => {
  it.each([
    ['17', 17],
    [' 17 ', 17],
    ['17 ans', 17],
    ['17ans', 17],
    ['17 años', 17],
    ['17 anos', 17],
    ['17 years', 17],
    ['17 years old', 17],
    ['17 yrs', 17],
    ['17,5', 17.5],
    ['environ 30 ans', 30],
    ['~30', 30],
    ['6 mois', 0.5],
    ['18 meses', 1.5],
  ])('%p → %p', (text, age) => expect(parseAge(text)).toBeCloseTo(age));

  it.each(['', 'adult', 'seventeen', '17-18', '1 7'])('%p is not an age', (text) => expect(parseAge(text)).toBeNull());
});

describe('parseDate', () => {
  it('reads the configured order and always ISO', () => {
    expect(parseDate('04/03/2019', 'dmy')).toEqual({ year: 2019, month: 3, day: 4 });
    expect(parseDate('04/03/2019', 'mdy')).toEqual({ year: 2019, month: 4, day: 3 });
    expect(parseDate('2019-03-04', 'mdy')).toEqual({ year: 2019, month: 3, day: 4 });
    expect(parseDate('2019.03.04', 'ymd')).toEqual({ year: 2019, month: 3, day: 4 });
  });

  it('refuses impossible dates and two-digit years', () => {
    expect(parseDate('31/02/2019', 'dmy')).toBeNull();
    expect(parseDate('29/02/2019', 'dmy')).toBeNull();
    expect(parseDate('29/02/2020', 'dmy')).toEqual({ year: 2020, month: 2, day: 29 });
    expect(parseDate('04/03/19', 'dmy')).toBeNull();
  });

  it('reads the other order only when unambiguous', () => {
    expect(parseDateLenient('25/12/2019', 'mdy')).toEqual({ year: 2019, month: 12, day: 25 });
    expect(parseDateLenient('04/03/2019', 'ymd')).toBeNull();
  });
});

describe('parseYear', () => {
  it('finds the single four-digit year', () => {
    expect(parseYear('2019-03-04')).toBe(2019);
    expect(parseYear('4 de marzo de 2019')).toBe(2019);
    expect(parseYear('March 2019')).toBe(2019);
    expect(parseYear('2019/2020')).toBeNull();
    expect(parseYear('')).toBeNull();
  });

  it('agrees with the date for any valid date in any order', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const pad = (n: number) => String(n).padStart(2, '0');
        return parseYear(`${pad(day)}/${pad(m)}/${y}`) === y && parseYear(`${y}-${pad(m)}-${pad(day)}`) === y;
      }),
    );
  });
});

describe('fullYearsBetween', () => {
  it('counts a birthday only once it is reached', () => {
    const birth = { year: 2000, month: 6, day: 15 };
    expect(fullYearsBetween(birth, { year: 2018, month: 6, day: 14 })).toBe(17);
    expect(fullYearsBetween(birth, { year: 2018, month: 6, day: 15 })).toBe(18);
  });
});

describe('valueKey', () => {
  it('ignores case, accents and spacing', () => {
    expect(valueKey('  Côte   d’Ivoire ')).toBe(valueKey("cote d’ivoire"));
    expect(valueKey('FEMME')).toBe('femme');
  });
});
