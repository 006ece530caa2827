import { mapColumn, mapRows } from './support/map-one';

describe('copy', () => {
  it('maps through the value map, ignoring case, accents and spaces', () => {
    const rule = { kind: 'copy' as const, target: 'gender', column: 'c', valueMap: { Femme: 'Female', H: 'Male', Mujer: 'Female' } };
    expect(mapColumn(['Femme', ' femme ', 'FEMME', 'h', 'mujer', 'Mújer'], rule, 'gender')).toEqual(['Female', 'Female', 'Female', 'Male', 'Female', 'Female']);
  });

  it('accepts the standard codes themselves without a map', () => {
    const rule = { kind: 'copy' as const, target: 'gender', column: 'c' };
    expect(mapColumn(['Female', 'male', 'Transgender/NonConforming'], rule, 'gender')).toEqual(['Female', 'Male', 'Transgender/NonConforming']);
  });

  it('normalises legacy age band spellings', () => {
    const rule = { kind: 'copy' as const, target: 'ageBroad', column: 'c' };
    expect(mapColumn(['9\u201317', '9\u201417', '09--17', '48+', '9-18'], rule, 'ageBroad')).toEqual(['9--17', '9--17', '9--17', '48+', null]);
  });

  it('leaves unmapped values missing and reports them, unless a default is given', () => {
    const out = mapRows(['c'], [['Z'], ['F']], [{ kind: 'copy', target: 'gender', column: 'c', valueMap: { F: 'Female' } }]);
    expect(out.records.map((r) => r.gender)).toEqual([null, 'Female']);
    expect(out.problems).toEqual([['unmapped_value'], []]);
    const withDefault = mapRows(['c'], [['Z']], [{ kind: 'copy', target: 'Datasource', column: 'c', default: 'Hotline' }]);
    expect(withDefault.records[0].Datasource).toBe('Hotline');
    expect(withDefault.report.unmappedColumns[0]).toMatchObject({ column: 'c', unmapped: 0, defaulted: 1 });
  });

  it('lets an explicit map entry win over the missing-value habits', () => {
    const rule = { kind: 'copy' as const, target: 'majorityStatus', column: 'c', valueMap: { Unknown: 'Unknown' } };
    expect(mapColumn(['Unknown', 'NULL', '-99', ''], rule, 'majorityStatus')).toEqual(['Unknown', null, null, null]);
  });
});

describe('missing-value habits', () => {
  it.each(['', ' ', '-99', 'NULL', 'null', 'NA', 'N/A', 'Unknown', 'unknown', 'Inconnu', 'Desconocido'])('%p is no information', (cell) => {
    expect(mapColumn([cell], { kind: 'copy', target: 'gender', column: 'c' }, 'gender')).toEqual([null]);
    expect(mapRows(['c'], [[cell]], [{ kind: 'copy', target: 'gender', column: 'c' }]).problems[0]).toEqual([]);
  });

  it('can be replaced per mapping', () => {
    const out = mapRows(['c'], [['9'], ['']], [{ kind: 'binary', target: 'isAbduction', column: 'c', yes: ['1'], no: ['0'] }], { missingValues: ['9', ''] });
    expect(out.records.map((r) => r.isAbduction)).toEqual([null, null]);
  });
});

describe('age_band_from_age and majority_from_age', () => {
  it('reads ages written as numbers or text in four languages', () => {
    const rule = { kind: 'age_band_from_age' as const, target: 'ageBroad', column: 'c' };
    expect(mapColumn(['17', '17 ans', '17 años', '17 anos', '17 years old', '17.9', 'env. 31 ans', '6 mois', '9–17', '48'], rule, 'ageBroad')).toEqual(
      ['9--17', '9--17', '9--17', '9--17', '9--17', '9--17', '30--38', '0--8', '9--17', '48+'],
    );
  });

  it('reports ages that are not ages', () => {
    const out = mapRows(['c'], [['150'], ['adult'], ['-99']], [{ kind: 'age_band_from_age', target: 'ageBroad', column: 'c' }]);
    expect(out.records.map((r) => r.ageBroad)).toEqual([null, null, null]);
    expect(out.report.unmappedColumns[0].examples.map((e) => e.value).sort()).toEqual(['150', 'adult']);
  });

  it('derives majority status from the age, for any of the three moments', () => {
    expect(mapColumn(['17', '18', '4 ans'], { kind: 'majority_from_age', target: 'majorityStatusAtExploit', column: 'c' }, 'majorityStatusAtExploit')).toEqual(['Minor', 'Adult', 'Minor']);
    expect(mapColumn(['17'], { kind: 'majority_from_age', target: 'majorityEntry', column: 'c' }, 'majorityEntry')).toEqual(['Minor']);
  });

  it('falls back on a birth date when the age is empty', () => {
    const out = mapRows(
      ['age', 'dob', 'reg'],
      [['', '2000-06-15', '2019-06-14'], ['', '2000-06-15', '2019-06-15'], ['40', '2000-06-15', '2019-06-15'], ['', '', '2019-01-01']],
      [{ kind: 'age_band_from_age', target: 'ageBroad', column: 'age', birthDate: { birthDateColumn: 'dob', dateFormat: 'ymd', reference: { column: 'reg' } } }],
    );
    expect(out.records.map((r) => r.ageBroad)).toEqual(['18--20', '18--20', '39--47', null]);
    expect(out.records.map((r) => r.majorityStatus)).toEqual(['Adult', 'Adult', 'Adult', null]);
  });
});

describe('age_band_from_birth_date and majority_from_birth_date', () => {
  const rules = (reference: { column: string } | { year: number }) => [
    { kind: 'age_band_from_birth_date' as const, target: 'ageBroad', birthDateColumn: 'dob', dateFormat: 'dmy' as const, reference },
    { kind: 'majority_from_birth_date' as const, target: 'majorityStatusAtExploit', birthDateColumn: 'dob', dateFormat: 'dmy' as const, reference },
  ];

  it('counts whole years up to the registration date', () => {
    const out = mapRows(['dob', 'reg'], [['16/03/2002', '15/03/2020'], ['16/03/2002', '16/03/2020'], ['01/01/1950', '2020-01-01']], rules({ column: 'reg' }));
    expect(out.records.map((r) => r.ageBroad)).toEqual(['9--17', '18--20', '48+']);
    expect(out.records.map((r) => r.majorityStatusAtExploit)).toEqual(['Minor', 'Adult', 'Adult']);
  });

  it('with a year only, refuses to choose between two bands', () => {
    const out = mapRows(['dob'], [['31/12/2002'], ['01/01/1985']], rules({ year: 2020 }));
    expect(out.records.map((r) => r.ageBroad)).toEqual([null, '30--38']);
    expect(out.problems[0]).toContain('age_ambiguous');
  });

  it('reports unreadable birth dates without showing them', () => {
    const out = mapRows(['dob', 'reg'], [['32/01/2000', '2020-01-01'], ['', '2020-01-01']], rules({ column: 'reg' }));
    expect(out.records.map((r) => r.ageBroad)).toEqual([null, null]);
    const dob = out.report.unmappedColumns.find((c) => c.column === 'dob')!;
    expect(dob).toMatchObject({ unmapped: 1, examples: [], examplesWithheld: true, distinctUnmapped: null });
  });

  it('reads an unambiguous date written in the other order', () => {
    const out = mapRows(['dob', 'reg'], [['2002-03-16', '25/12/2020']], rules({ column: 'reg' }));
    expect(out.records[0].ageBroad).toBe('18--20');
  });
});

describe('year_from_date', () => {
  it('takes the year of dates written in the usual ways', () => {
    const rule = { kind: 'year_from_date' as const, target: 'yearOfRegistration', column: 'c' };
    expect(mapColumn(['2019-03-04', '04/03/2019', '3/4/2019 10:22', '2019', 'mars 2019', '2019-03-04T10:00:00Z', '19/03/04', '-99'], rule, 'yearOfRegistration')).toEqual(
      ['2019', '2019', '2019', '2019', '2019', '2019', null, null],
    );
  });

  it('reads spreadsheet day numbers only when told to', () => {
    expect(mapColumn(['43528'], { kind: 'year_from_date', target: 'yearOfRegistration', column: 'c' }, 'yearOfRegistration')).toEqual([null]);
    expect(mapColumn(['43528'], { kind: 'year_from_date', target: 'yearOfRegistration', column: 'c', formats: ['excel_serial'] }, 'yearOfRegistration')).toEqual(['2019']);
  });

  it('refuses implausible years', () => {
    expect(mapColumn(['1850-01-01', '2999'], { kind: 'year_from_date', target: 'yearOfRegistration', column: 'c' }, 'yearOfRegistration')).toEqual([null, null]);
  });
});

describe('binary', () => {
  it('reads the usual yes/no spellings', () => {
    const rule = { kind: 'binary' as const, target: 'isAbduction', column: 'c' };
    expect(mapColumn(['Y', 'N', 'yes', 'NO', 'TRUE', 'false', '1', '0', 'oui', 'Non', 'sí', 'no', 'sim', 'não', ''], rule, 'isAbduction')).toEqual(
      ['1', '0', '1', '0', '1', '0', '1', '0', '1', '0', '1', '0', '1', '0', null],
    );
  });

  it('keeps "no information" apart from "no" and reports the rest', () => {
    const out = mapRows(['c'], [['maybe'], ['Unknown'], ['N']], [{ kind: 'binary', target: 'isAbduction', column: 'c', yes: ['Y'], no: ['N'] }]);
    expect(out.records.map((r) => r.isAbduction)).toEqual([null, null, '0']);
    expect(out.problems).toEqual([['unmapped_value'], [], []]);
  });
});

describe('country', () => {
  it('normalises names and codes to alpha-2', () => {
    const rule = { kind: 'country' as const, target: 'citizenship', column: 'c' };
    expect(mapColumn(['Moldavie', 'USA', '840', 'Viet Nam', 'Kosovo', 'ZZ', '00', 'NA', 'Narnia'], rule, 'citizenship')).toEqual(
      ['MD', 'US', 'US', 'VN', 'RS', null, null, 'NA', null],
    );
  });

  it('reads NA as missing in a column of written-out names', () => {
    const rule = { kind: 'country' as const, target: 'CountryOfExploitation', column: 'c', naMeans: 'missing' as const };
    expect(mapColumn(['NA', 'Namibie', 'France'], rule, 'CountryOfExploitation')).toEqual([null, 'NA', 'FR']);
  });
});

describe('flags_from_multi_value', () => {
  const targets = ['meansOfControlDebtBondage', 'meansOfControlThreats', 'meansOfControlOther'];
  const rule = {
    kind: 'flags_from_multi_value' as const,
    column: 'c',
    targets,
    valueMap: { DebtBondage: ['meansOfControlDebtBondage'], Threats: ['meansOfControlThreats'], Other: ['meansOfControlOther'], None: [] },
  };
  const flags = (cells: string[], r = rule) => mapRows(['c'], cells.map((c) => [c]), [r]).records.map((rec) => targets.map((t) => rec[t] ?? '-').join(''));

  it('splits on ; | and , and sets the named flags to 1, the others to 0', () => {
    expect(flags(['DebtBondage;Threats', 'Threats|Other', 'DebtBondage, Other', 'None'])).toEqual(['110', '011', '101', '000']);
  });

  it('gives no information for an empty cell', () => {
    expect(flags(['', '-99'])).toEqual(['---', '---']);
  });

  it('never writes 0 beside an unmapped or unknown code, and reports the unmapped one', () => {
    const out = mapRows(['c'], [['Threats;Beatings'], ['Threats;Unknown']], [rule]);
    expect(out.records.map((r) => targets.map((t) => r[t]))).toEqual([[null, '1', null], [null, '1', null]]);
    expect(out.report.unmappedColumns[0].examples).toEqual([{ value: 'Beatings', count: 1 }]);
  });

  it('can leave unnamed flags missing instead of 0', () => {
    expect(flags(['Threats'], { ...rule, absentMeans: 'missing' } as typeof rule)).toEqual(['-1-']);
  });
});

describe('constant and not_collected', () => {
  it('writes the constant on every row and leaves not-collected variables empty', () => {
    const out = mapRows(['c'], [['x'], ['y']], [
      { kind: 'constant', target: 'Datasource', value: 'Hotline' },
      { kind: 'not_collected', target: 'isAbduction' },
    ]);
    expect(out.records.map((r) => [r.Datasource, r.isAbduction])).toEqual([['Hotline', null], ['Hotline', null]]);
  });
});
