import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CURRENT_STANDARD_ID,
  getLayout,
  getStandard,
  isValidValue,
  publishedColumns,
  UnknownStandardError,
} from '../../../server/domain/standard';

const specColumns = readFileSync(join(__dirname, '../../../../shared/spec/ctdc-k-v7.columns'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);

describe('ctdc-k-v7 as data', () => {
  const standard = getStandard(CURRENT_STANDARD_ID);

  it('is the current standard and lists the 63 published columns in order', () => {
    expect(standard.id).toBe('ctdc-k-v7');
    expect(specColumns).toHaveLength(63);
    expect(publishedColumns(standard)).toEqual(specColumns);
  });

  it('refuses an unknown standard id', () => {
    expect(() => getStandard('ctdc-k-v99')).toThrow(UnknownStandardError);
  });

  it('gives every variable a unique PostgreSQL-safe snake_case column', () => {
    const cols = standard.variables.map((v) => v.dbColumn);
    expect(new Set(cols).size).toBe(cols.length);
    for (const c of cols) expect(c).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
    expect(getLayout(standard).variable('meansOfControlDebtBondage').dbColumn).toBe('means_of_control_debt_bondage');
    expect(getLayout(standard).variable('CountryOfExploitation').dbColumn).toBe('country_of_exploitation');
    expect(getLayout(standard).variable('Datasource').dbColumn).toBe('datasource');
  });

  it('marks the default quasi-identifiers of privacy.md', () => {
    const qis = standard.variables.filter((v) => v.quasiIdentifier).map((v) => v.name).sort();
    expect(qis).toEqual(
      ['CountryOfExploitation', 'Datasource', 'ageBroad', 'citizenship', 'gender', 'majorityStatus', 'yearOfRegistration'].sort(),
    );
  });

  it('has kinds, labels and groups for every variable', () => {
    const layout = getLayout(standard);
    expect(layout.variable('meansOfControlDebtBondage')).toMatchObject({ kind: 'binary', label: 'Debt bondage', group: 'meansOfControl' });
    expect(layout.variable('typeOfLabourConcatenated')).toMatchObject({ kind: 'derived', group: 'typeOfLabour' });
    expect(layout.variable('RecruiterRelationship')).toMatchObject({ kind: 'derived', group: 'recruiter' });
    expect(layout.variable('citizenship').kind).toBe('country');
    expect(layout.variable('yearOfRegistration').kind).toBe('year');
    expect(standard.variables.filter((v) => v.kind === 'binary')).toHaveLength(18 + 8 + 13 + 4 + 1 + 5);
    expect(standard.variables.filter((v) => v.kind === 'derived')).toHaveLength(5);
    for (const v of standard.variables) expect(v.label.length).toBeGreaterThan(0);
  });
});

describe('isValidValue', () => {
  const s = getStandard();
  it.each([
    ['yearOfRegistration', '2019', true],
    ['yearOfRegistration', '19', false],
    ['yearOfRegistration', '3019', false],
    ['gender', 'Female', true],
    ['gender', 'female', false],
    ['ageBroad', '9--17', true],
    ['ageBroad', '9–17', false],
    ['majorityStatus', 'Unknown', true],
    ['citizenship', 'NA', true],
    ['citizenship', 'XK', false],
    ['citizenship', 'USA', false],
    ['isAbduction', '1', true],
    ['isAbduction', '-99', false],
    ['meansOfControlConcatenated', 'Debt bondage;Physical abuse', true],
    ['meansOfControlConcatenated', 'Physical abuse;Debt bondage', false],
    ['meansOfControlConcatenated', 'Debt bondage;Debt bondage', false],
    ['RecruiterRelationship', 'Family', true],
    ['Datasource', 'Hotline', true],
  ])('%s = %p → %p', (name, value, ok) => {
    expect(isValidValue(s, name, value)).toBe(ok);
  });

  it('accepts missing for every variable', () => {
    for (const v of s.variables) expect(isValidValue(s, v.name, null)).toBe(true);
  });
});
