import {
  buildAgeHierarchy,
  buildDefaultHierarchies,
  buildFlatHierarchy,
  buildYearHierarchy,
  hierarchyHeight,
  HierarchyError,
  previewHierarchy,
  validateHierarchy,
} from '../../../server/domain/anonymization';

const rowOf = (rows: readonly (readonly string[])[], leaf: string) => rows.find((row) => row[0] === leaf);

describe('default hierarchies', () => {
  it('bands years by 2 then 4, aligned on 2002 so the bands nest', () => {
    const { rows } = buildYearHierarchy({ from: 2002, to: 2010 });
    expect(rowOf(rows, '2002')).toEqual(['2002', '2002-2003', '2002-2005', '*']);
    expect(rowOf(rows, '2003')).toEqual(['2003', '2002-2003', '2002-2005', '*']);
    expect(rowOf(rows, '2005')).toEqual(['2005', '2004-2005', '2002-2005', '*']);
    expect(rowOf(rows, '2006')).toEqual(['2006', '2006-2007', '2006-2009', '*']);
    expect(rowOf(rows, '2010')).toEqual(['2010', '2010-2011', '2010-2013', '*']);
    expect(rowOf(rows, '')).toEqual(['', '', '', '*']);
    expect(rows).toHaveLength(10);
  });

  it('keeps the band labels when the range changes, so releases stay comparable', () => {
    const early = buildYearHierarchy({ from: 2002, to: 2012 });
    const later = buildYearHierarchy({ from: 2009, to: 2024 });
    expect(rowOf(later.rows, '2011')).toEqual(rowOf(early.rows, '2011'));
    expect(rowOf(later.rows, '2024')).toEqual(['2024', '2024-2025', '2022-2025', '*']);
  });

  it('refuses an odd anchor, which would break nesting', () => {
    expect(() => buildYearHierarchy({ from: 2002, to: 2004, anchor: 2003 })).toThrow(/even/);
  });

  it('groups age bands into broad groups, then minor/adult', () => {
    const { rows } = buildAgeHierarchy();
    expect(rowOf(rows, '0--8')).toEqual(['0--8', '0--17', 'Minor', '*']);
    expect(rowOf(rows, '9--17')).toEqual(['9--17', '0--17', 'Minor', '*']);
    expect(rowOf(rows, '24--26')).toEqual(['24--26', '18--29', 'Adult', '*']);
    expect(rowOf(rows, '39--47')).toEqual(['39--47', '30--47', 'Adult', '*']);
    expect(rowOf(rows, '48+')).toEqual(['48+', '48+', 'Adult', '*']);
    expect(rowOf(rows, '')).toEqual(['', '', '', '*']);
  });

  it('builds value → * hierarchies with the empty value', () => {
    expect(buildFlatHierarchy(['Case Management', 'Hotline']).rows).toEqual([
      ['Case Management', '*'],
      ['Hotline', '*'],
      ['', '*'],
    ]);
  });

  it('builds valid hierarchies for the 7 default QIs', () => {
    const hierarchies = buildDefaultHierarchies({ from: 2002, to: 2023 });
    expect(Object.keys(hierarchies)).toHaveLength(7);
    for (const [name, hierarchy] of Object.entries(hierarchies)) expect(() => validateHierarchy(hierarchy, name)).not.toThrow();
    expect(hierarchyHeight(hierarchies.yearOfRegistration)).toBe(3);
    expect(hierarchyHeight(hierarchies.gender)).toBe(1);
  });
});

describe('validateHierarchy', () => {
  it('refuses levels that do not nest, naming the value', () => {
    const broken = {
      rows: [
        ['2002', '2002-2003', '2002-2005', '*'],
        ['2003', '2002-2003', '2003-2006', '*'],
      ],
    };
    expect(() => validateHierarchy(broken, 'yearOfRegistration')).toThrow(HierarchyError);
    expect(() => validateHierarchy(broken, 'yearOfRegistration')).toThrow(
      'yearOfRegistration: levels do not nest: "2002-2003" at level 1 generalizes to both "2002-2005" and "2003-2006" at level 2',
    );
  });

  it('refuses a value listed twice, naming it', () => {
    expect(() => validateHierarchy({ rows: [['Male', '*'], ['Male', '*']] }, 'gender')).toThrow('gender: value "Male" appears on two rows');
  });

  it('refuses a last level other than *', () => {
    expect(() => validateHierarchy({ rows: [['PH', 'Asia']] })).toThrow('the last level of "PH" is "Asia", expected "*"');
  });

  it('refuses rows of different lengths', () => {
    expect(() => validateHierarchy({ rows: [['a', 'x', '*'], ['b', '*']] })).toThrow('the row of "b" has 2 levels, expected 3');
  });

  it('keeps the empty value apart from real categories', () => {
    expect(() => validateHierarchy({ rows: [['', 'Minor', '*']] })).toThrow(/empty value must stay empty/);
    expect(() => validateHierarchy({ rows: [['0--8', '', '*']] })).toThrow('value "0--8" generalizes to the empty value at level 1');
  });
});

describe('previewHierarchy', () => {
  it('lists the distinct labels of each level', () => {
    const preview = previewHierarchy(buildAgeHierarchy());
    expect(preview.map((level) => level.labels.length)).toEqual([10, 5, 3, 1]);
    expect(preview[1].labels).toEqual(['0--17', '18--29', '30--47', '48+', '']);
    expect(preview[2].labels).toEqual(['Minor', 'Adult', '']);
    expect(preview[3]).toEqual({ level: 3, labels: ['*'] });
  });
});
