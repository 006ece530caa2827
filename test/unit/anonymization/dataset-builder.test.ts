import { DatasetBuilder } from '../../../server/domain/anonymization';

describe('DatasetBuilder', () => {
  it('encodes columns with dictionaries, null and undefined as the empty value', () => {
    const builder = new DatasetBuilder({ columns: ['gender', 'CountryOfExploitation'], sensitive: 'isForcedLabour' });
    builder.add(['Female', 'PH'], 'p1', '1');
    builder.add({ gender: null, CountryOfExploitation: 'NA' }, 'p2', undefined);
    builder.add(['Female', undefined], 'p1', '0', 'US');
    const dataset = builder.build();
    expect(dataset.size).toBe(3);
    expect(dataset.columns[0].values).toEqual(['Female', '']);
    expect([...dataset.columns[0].codes]).toEqual([0, 1, 0]);
    expect(dataset.columns[1].values).toEqual(['PH', 'NA', '']);
    expect(dataset.partner.values).toEqual(['p1', 'p2']);
    // The country column reports the QI value unless a country is given explicitly.
    expect([...dataset.country.codes].map((c) => dataset.country.values[c])).toEqual(['PH', 'NA', 'US']);
    expect(dataset.sensitive?.values).toEqual(['1', '', '0']);
  });

  it('grows past its initial capacity', () => {
    const builder = new DatasetBuilder({ columns: ['year'] });
    for (let i = 0; i < 5000; i++) builder.add([String(2000 + (i % 20))], `p${i % 7}`);
    const dataset = builder.build();
    expect(dataset.size).toBe(5000);
    expect(dataset.columns[0].codes).toHaveLength(5000);
    expect(dataset.columns[0].values[dataset.columns[0].codes[4999]]).toBe('2019');
  });

  it('refuses a record of the wrong width', () => {
    expect(() => new DatasetBuilder({ columns: ['a', 'b'] }).add(['x'], 'p1')).toThrow('expected 2 values, got 1');
  });
});
