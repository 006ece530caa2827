import { buildDefaultHierarchies, hierarchyFromArxCsv, hierarchyToArxCsv, HierarchyError } from '../../../server/domain/anonymization';

describe('ARX hierarchy CSV', () => {
  it('writes one line per leaf value with its generalizations, ; separated', () => {
    const { ageBroad } = buildDefaultHierarchies({ from: 2002, to: 2003 });
    const lines = hierarchyToArxCsv(ageBroad).trimEnd().split('\n');
    expect(lines[0]).toBe('0--8;0--17;Minor;*');
    expect(lines[8]).toBe('48+;48+;Adult;*');
    expect(lines[9]).toBe(';;;*');
  });

  it('round-trips every default hierarchy', () => {
    for (const [name, hierarchy] of Object.entries(buildDefaultHierarchies({ from: 2002, to: 2023 }))) {
      expect(hierarchyFromArxCsv(hierarchyToArxCsv(hierarchy), name)).toEqual(hierarchy);
    }
  });

  it('quotes values holding the separator', () => {
    const hierarchy = { rows: [['a;b', 'x', '*'], ['c', 'x', '*']] };
    expect(hierarchyFromArxCsv(hierarchyToArxCsv(hierarchy))).toEqual(hierarchy);
  });

  it('reads a file written by ARX (BOM, CRLF)', () => {
    const text = '\uFEFF2002;2002-2003;*\r\n2003;2002-2003;*\r\n';
    expect(hierarchyFromArxCsv(text).rows).toEqual([
      ['2002', '2002-2003', '*'],
      ['2003', '2002-2003', '*'],
    ]);
  });

  it('refuses an imported hierarchy that does not nest, naming the value', () => {
    const text = 'Female;F;*\nMale;M;*\nTransgender/NonConforming;F;*\n';
    expect(() => hierarchyFromArxCsv('PH;South-eastern Asia;Asia;*\nVN;South-eastern Asia;Europe;*\n', 'citizenship')).toThrow(
      'citizenship: levels do not nest: "South-eastern Asia" at level 1 generalizes to both "Asia" and "Europe" at level 2',
    );
    expect(() => hierarchyFromArxCsv(text.replace('F;*', 'F;x'), 'gender')).toThrow(HierarchyError);
  });
});
