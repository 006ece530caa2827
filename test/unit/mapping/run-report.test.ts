import fc from 'fast-check';
import { compileMapping } from '../../../server/domain/mapping';
import { getStandard, isValidValue } from '../../../server/domain/standard';
import { PARTNER_FIXTURES } from './fixtures';
import { profileRows } from './support/profile-rows';

const standard = getStandard();

describe('the run report', () => {
  const header = ['name', 'sex', 'dob', 'reg', 'country'];
  const spec = {
    standardId: standard.id,
    dropColumns: ['name'],
    rules: [
      { kind: 'copy' as const, target: 'gender', column: 'sex', valueMap: { F: 'Female' } },
      { kind: 'binary' as const, target: 'isAbduction', column: 'name' },
      { kind: 'age_band_from_birth_date' as const, target: 'ageBroad', birthDateColumn: 'dob', dateFormat: 'ymd' as const, reference: { column: 'reg' } },
      { kind: 'country' as const, target: 'citizenship', column: 'country' },
    ],
  };

  it('counts unmapped values per column, most frequent examples first, capped', () => {
    const mapping = compileMapping(spec, header, standard, { maxExamples: 2 });
    for (const s of ['X', 'X', 'X', 'Y', 'Y', 'Z', 'F']) mapping.apply(['n', s, '', '', '']);
    const sex = mapping.report().unmappedColumns.find((c) => c.column === 'sex')!;
    expect(sex).toEqual({ column: 'sex', variables: ['gender'], unmapped: 6, defaulted: 0, examples: [{ value: 'X', count: 3 }, { value: 'Y', count: 2 }], examplesWithheld: false, distinctUnmapped: 3 });
  });

  it('never keeps values of dropped, identifier or date columns', () => {
    const mapping = compileMapping(spec, header, standard, { identifierColumns: ['country'] });
    mapping.apply(['Maria Lopez', 'F', 'not a date', '2020-01-01', 'Hogwarts']);
    const report = mapping.report();
    expect(JSON.stringify(report)).not.toMatch(/Maria|Hogwarts|not a date/);
    for (const column of ['name', 'dob', 'country']) {
      expect(report.unmappedColumns.find((c) => c.column === column)).toMatchObject({ unmapped: 1, examples: [], examplesWithheld: true });
    }
  });

  it('counts a cell read by two rules once', () => {
    const mapping = compileMapping(
      { standardId: standard.id, rules: [{ kind: 'age_band_from_age', target: 'ageBroad', column: 'age' }, { kind: 'majority_from_age', target: 'majorityStatus', column: 'age' }] },
      ['age'],
      standard,
    );
    mapping.apply(['ancient']);
    mapping.apply(['ancient']);
    expect(mapping.report().unmappedColumns).toEqual([
      { column: 'age', variables: ['ageBroad', 'majorityStatus'], unmapped: 2, defaulted: 0, examples: [{ value: 'ancient', count: 2 }], examplesWithheld: false, distinctUnmapped: 1 },
    ]);
  });

  it('counts consistency fixes and missing values per variable', () => {
    const mapping = compileMapping(spec, header, standard);
    mapping.apply(['Y', 'F', '2010-01-01', '2020-01-01', 'PH']);
    mapping.apply(['', '', '', '', '']);
    const report = mapping.report();
    expect(report.consistency).toEqual({ 'majority_status_filled:majorityStatus': 1 });
    expect(report.missingByVariable).toMatchObject({ gender: 1, ageBroad: 1, majorityStatus: 1, citizenship: 1, isAbduction: 1, Datasource: 2 });
  });

  it('applyInto gives the same record as apply, without a new array', () => {
    const fixture = PARTNER_FIXTURES[0];
    const a = compileMapping(fixture.spec, fixture.header, standard);
    const b = compileMapping(fixture.spec, fixture.header, standard);
    const buffer: (string | null)[] = new Array(a.columns.length).fill('stale');
    for (const row of fixture.rows) {
      const problems = b.applyInto(row, buffer);
      const expected = a.apply(row);
      expect(buffer).toEqual(expected.values);
      expect([...problems]).toEqual([...expected.problems]);
    }
    expect(b.report()).toEqual(a.report());
  });
});

describe('whatever the cells hold', () => {
  it('a compiled mapping writes only valid values of the standard', () => {
    const compiled = PARTNER_FIXTURES.map((f) => ({ f, m: compileMapping(f.spec, f.header, standard, { profile: profileRows(f.header, f.rows, f.identifiers) }) }));
    const pool = [...new Set(PARTNER_FIXTURES.flatMap((f) => f.rows.flat()))];
    const cell = fc.oneof(fc.constantFrom(...pool), fc.string({ maxLength: 12 }), fc.constantFrom('', '-99', 'NA', '1', '0', '9--17', '17 ans', 'Y', 'ZZ'));
    fc.assert(
      fc.property(fc.nat({ max: compiled.length - 1 }), fc.array(cell, { minLength: 25, maxLength: 25 }), (which, cells) => {
        const { m } = compiled[which];
        const { values } = m.apply(cells);
        return standard.variables.every((v, i) => isValidValue(standard, v.name, values[i]));
      }),
      { numRuns: 2000 },
    );
  });
});
