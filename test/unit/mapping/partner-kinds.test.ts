import { compileMapping, validateMapping } from '../../../server/domain/mapping';
import { getStandard, isValidValue, recordToObject } from '../../../server/domain/standard';
import { PARTNER_FIXTURES } from './fixtures';
import { profileRows } from './support/profile-rows';

const standard = getStandard();

describe.each(PARTNER_FIXTURES.map((f) => [f.kind, f] as const))('a %s file mapped with its approved mapping', (_, fixture) => {
  const profile = profileRows(fixture.header, fixture.rows, fixture.identifiers);

  const run = () => {
    const mapping = compileMapping(fixture.spec, fixture.header, standard, { profile });
    const records = fixture.rows.map((row) => mapping.apply(row));
    return { records, report: mapping.report() };
  };

  it('passes validation against the file and its profile', () => {
    const v = validateMapping(fixture.spec, { standard, header: fixture.header, profile });
    expect(v.ok ? [] : v.errors).toEqual([]);
  });

  it('gives the expected standard values', () => {
    const { records } = run();
    for (const { row, values } of fixture.expected) {
      expect({ row, ...recordToObject(standard, records[row].values) }).toMatchObject({ row, ...values });
    }
  });

  it('only ever writes valid values of the standard', () => {
    const { records } = run();
    for (const { values } of records) {
      standard.variables.forEach((v, i) => expect([v.name, isValidValue(standard, v.name, values[i])]).toEqual([v.name, true]));
    }
  });

  it('reports the values it could not map, per column, with examples', () => {
    const { report } = run();
    const reported = Object.fromEntries(report.unmappedColumns.map((c) => [c.column, c.examples.map((e) => e.value)]));
    expect(reported).toEqual(fixture.expectedUnmapped);
    expect(report.rows).toBe(fixture.rows.length);
  });

  it('never puts a value of an identifier column in its report', () => {
    const { report } = run();
    const text = JSON.stringify(report);
    for (const column of Object.keys(fixture.identifiers)) {
      const index = fixture.header.indexOf(column);
      for (const row of fixture.rows) {
        const cell = row[index];
        if (cell.length >= 3 && !/^\d{4}$/.test(cell)) expect(text).not.toContain(JSON.stringify(cell));
      }
    }
  });
});
