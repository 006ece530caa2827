import { anonymize, buildCountryHierarchy, DatasetBuilder, defaultPolicy } from '../../../server/domain/anonymization';

const country = buildCountryHierarchy();
const rowOf = (code: string) => country.rows.find((row) => row[0] === code);

describe('country hierarchy from UN M49', () => {
  it.each([
    ['PH', 'South-eastern Asia', 'Asia'],
    ['MD', 'Eastern Europe', 'Europe'],
    ['US', 'Northern America', 'Americas'],
    ['BR', 'Latin America and the Caribbean', 'Americas'],
    ['NG', 'Sub-Saharan Africa', 'Africa'],
    ['NA', 'Sub-Saharan Africa', 'Africa'],
    ['AU', 'Australia and New Zealand', 'Oceania'],
    ['RS', 'Southern Europe', 'Europe'],
    ['CN', 'Eastern Asia', 'Asia'],
  ])('%s → %s → %s → *', (code, subRegion, region) => {
    expect(rowOf(code)).toEqual([code, subRegion, region, '*']);
  });

  it('maps Kosovo like Serbia, under which it is published', () => {
    expect(rowOf('XK')?.slice(1)).toEqual(rowOf('RS')?.slice(1));
  });

  it('covers every ISO alpha-2 code and the empty value', () => {
    expect(country.rows.length).toBe(251);
    expect(rowOf('')).toEqual(['', '', '', '*']);
    expect(new Set(country.rows.map((row) => row[2]))).toEqual(new Set(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania', 'Antarctica', '']));
  });

  it('treats Namibia (NA) as a country, not as missing', () => {
    const builder = new DatasetBuilder({ columns: ['citizenship'] });
    for (let i = 0; i < 12; i++) builder.add(['NA'], 'p1');
    for (let i = 0; i < 12; i++) builder.add([''], 'p1');
    const policy = { ...defaultPolicy({ from: 2020, to: 2020 }), qis: ['citizenship'] };
    const result = anonymize(builder.build(), policy);
    expect(result.levels).toEqual({ citizenship: 0 });
    expect(result.output.labelsOf(0)).toEqual(['NA']);
    expect(result.output.labelsOf(12)).toEqual(['']);
    expect(result.measures.classes.count).toBe(2);
  });
});
