import fc from 'fast-check';
import { deriveAgeBand, getStandard, isValidValue, normaliseAgeBand } from '../../../server/domain/standard';

describe('deriveAgeBand', () => {
  it.each([
    [0, '0--8'],
    [8, '0--8'],
    [9, '9--17'],
    [17, '9--17'],
    [17.9, '9--17'],
    [18, '18--20'],
    [21, '21--23'],
    [24, '24--26'],
    [27, '27--29'],
    [29, '27--29'],
    [30, '30--38'],
    [39, '39--47'],
    [47, '39--47'],
    [48, '48+'],
    [95, '48+'],
  ])('%p years → %s', (age, band) => expect(deriveAgeBand(age)).toBe(band));

  it.each([-1, 150, Number.NaN, Infinity])('refuses implausible age %p', (age) => expect(deriveAgeBand(age)).toBeNull());

  it('always yields a valid ageBroad code for plausible ages', () => {
    const s = getStandard();
    fc.assert(fc.property(fc.integer({ min: 0, max: 110 }), (age) => isValidValue(s, 'ageBroad', deriveAgeBand(age))));
  });
});

describe('normaliseAgeBand', () => {
  it.each([
    ['9--17', '9--17'],
    ['9–17', '9--17'],
    ['9—17', '9--17'],
    ['09--17', '9--17'],
    ['9-17', '9--17'],
    [' 0--8 ', '0--8'],
    ['00--08', '0--8'],
    ['48+', '48+'],
    ['48 +', '48+'],
  ])('%p → %s', (text, band) => expect(normaliseAgeBand(text)).toBe(band));

  it.each(['9--18', '10--17', '17', 'adult', ''])('does not snap %p to a band', (text) => expect(normaliseAgeBand(text)).toBeNull());
});
