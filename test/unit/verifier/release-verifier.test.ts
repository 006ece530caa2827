import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCsvFile, verifyRows } from '../../../server/domain/verifier';

const qis = ['yearOfRegistration', 'gender'];
const repeat = <T>(row: T, times: number): T[] => Array.from({ length: times }, () => ({ ...row }));

describe('verifyRows', () => {
  it('passes k-anonymous rows and counts their classes', () => {
    const rows = [
      ...repeat({ yearOfRegistration: '2002-2003', gender: 'Female', Datasource: 'Case Management' }, 11),
      ...repeat({ yearOfRegistration: '2004-2005', gender: '', Datasource: 'Case Management' }, 12),
    ];
    expect(verifyRows(rows, { qis, k: 11, expectedRows: 23 })).toEqual({
      ok: true,
      k: 11,
      l: null,
      rows: 23,
      classes: 2,
      smallestClass: 11,
      violationCounts: { 'missing-column': 0, 'k-anonymity': 0, 'l-diversity': 0, identifier: 0, 'row-count': 0 },
      violations: [],
    });
  });

  it('reports a class below k with its values and first row', () => {
    const rows = [...repeat({ yearOfRegistration: '2002', gender: 'Female' }, 11), ...repeat({ yearOfRegistration: '2003', gender: 'Male' }, 2)];
    const report = verifyRows(rows, { qis, k: 11 });
    expect(report.ok).toBe(false);
    expect(report.smallestClass).toBe(2);
    expect(report.violations).toEqual([
      { kind: 'k-anonymity', rows: [12], classValues: { yearOfRegistration: '2003', gender: 'Male' }, message: 'a class of 2 rows is smaller than k = 11' },
    ]);
  });

  it('checks distinct l-diversity on the sensitive variable', () => {
    const rows = [
      ...repeat({ yearOfRegistration: '2002', gender: 'Female', isForcedLabour: '1' }, 3),
      ...repeat({ yearOfRegistration: '2003', gender: 'Female', isForcedLabour: '1' }, 2),
      { yearOfRegistration: '2003', gender: 'Female', isForcedLabour: '0' },
    ];
    const report = verifyRows(rows, { qis, k: 3, lDiversity: { variable: 'isForcedLabour', l: 2 } });
    expect(report.violationCounts['l-diversity']).toBe(1);
    expect(report.violations[0]).toMatchObject({ kind: 'l-diversity', classValues: { yearOfRegistration: '2002', gender: 'Female' } });
  });

  it('finds identifier-looking values in any column without repeating them', () => {
    const rows = repeat({ yearOfRegistration: '2002', gender: 'Female', notes: '' }, 12);
    rows[4].notes = 'maria.lopez@example.org';
    rows[7].notes = '2019-03-14';
    const report = verifyRows(rows, { qis, k: 11 });
    expect(report.violations).toEqual([
      { kind: 'identifier', column: 'notes', rows: [5], identifierKind: 'email', message: 'column notes, row 5: a value looks like an identifier (email)' },
      { kind: 'identifier', column: 'notes', rows: [8], identifierKind: 'precise-date', message: 'column notes, row 8: a value looks like an identifier (precise-date)' },
    ]);
    expect(JSON.stringify(report)).not.toContain('maria');
  });

  it('flags a rare name-like value, not a frequent category label', () => {
    const rows = repeat({ yearOfRegistration: '2002', gender: 'Female', Datasource: 'Case Management', contact: '' }, 12);
    rows[3].contact = 'Maria Lopez';
    const report = verifyRows(rows, { qis, k: 11 });
    expect(report.violations).toEqual([
      { kind: 'identifier', column: 'contact', rows: [4], identifierKind: 'name', message: "column contact: a rare value looks like a person's name" },
    ]);
    rows[5].Datasource = 'Street Outreach';
    expect(verifyRows(rows, { qis, k: 11, allowedValues: ['Street Outreach'] }).violationCounts.identifier).toBe(1);
  });

  it('reports missing QI columns and a row count that differs from the manifest', () => {
    const report = verifyRows(repeat({ gender: 'Female' }, 11), { qis, k: 11, expectedRows: 12 });
    expect(report.violations.map((v) => v.kind)).toEqual(['missing-column', 'row-count']);
    expect(report.violations[1].message).toBe('11 rows, the manifest says 12');
  });

  it('lists a few violations per kind but counts them all', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ yearOfRegistration: String(1990 + i), gender: 'Male' }));
    const report = verifyRows(rows, { qis, k: 2, maxListedPerKind: 5 });
    expect(report.violationCounts['k-anonymity']).toBe(30);
    expect(report.violations).toHaveLength(5);
  });
});

describe('verifyCsvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verifier-'));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('streams a published CSV and checks it against the manifest count', async () => {
    const lines = ['yearOfRegistration,gender,CountryOfExploitation', ...Array.from({ length: 11 }, () => '2002-2003,Female,NA'), ...Array.from({ length: 11 }, () => '2004-2005,Male,')];
    const path = write('release.csv', `${lines.join('\n')}\n`);
    await expect(verifyCsvFile(path, { qis, k: 11, expectedRows: 22 })).resolves.toMatchObject({ ok: true, rows: 22, classes: 2, smallestClass: 11 });
    const wrongCount = await verifyCsvFile(path, { qis, k: 11, expectedRows: 23 });
    expect(wrongCount.violations.map((v) => v.kind)).toEqual(['row-count']);
  });

  it('checks the header of a file without rows', async () => {
    const report = await verifyCsvFile(write('empty.csv', 'gender,Datasource\n'), { qis, k: 11, expectedRows: 0 });
    expect(report.violations).toEqual([{ kind: 'missing-column', column: 'yearOfRegistration', message: 'column yearOfRegistration is missing' }]);
  });
});
