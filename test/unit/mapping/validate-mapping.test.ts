import { compileMapping, MappingCompileError, validateMapping, type MappingRuleInput } from '../../../server/domain/mapping';
import { getStandard } from '../../../server/domain/standard';
import { profileRows } from './support/profile-rows';

const standard = getStandard();
const header = ['Case ID', 'Full name', 'Narrative', 'Sex', 'Age', 'Date of birth', 'Registered on'];
const profile = profileRows(header, [['C1', 'Ana Pop', 'She was...', 'F', '17', '2001-01-01', '2019-03-01']], {
  'Case ID': 'case_number',
  'Full name': 'name',
  Narrative: 'free_text',
  'Date of birth': 'birth_date',
  'Registered on': 'precise_date',
});
const check = (rules: MappingRuleInput[], dropColumns: string[] = []) =>
  validateMapping({ standardId: standard.id, dropColumns, rules }, { standard, header, profile });
const codes = (v: ReturnType<typeof check>) => (v.ok ? [] : v.errors.map((e) => e.code));

describe('validateMapping', () => {
  it('refuses copying an identifier column into a published variable, naming both', () => {
    const v = check([{ kind: 'copy', target: 'gender', column: 'Full name' }]);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors[0]).toMatchObject({ code: 'identifier_published', column: 'Full name', variable: 'gender' });
    expect(v.errors[0].message).toContain('"Full name"');
    expect(v.errors[0].message).toContain('gender');
    expect(codes(check([{ kind: 'copy', target: 'Datasource', column: 'Narrative', valueMap: { x: 'Hotline' } }]))).toEqual(['identifier_published']);
  });

  it('refuses copying a column marked drop', () => {
    expect(codes(check([{ kind: 'copy', target: 'gender', column: 'Sex' }], ['Sex']))).toEqual(['dropped_column_published']);
  });

  it('allows deriving standard values from identifier columns', () => {
    const v = check(
      [
        { kind: 'year_from_date', target: 'yearOfRegistration', column: 'Registered on' },
        { kind: 'age_band_from_birth_date', target: 'ageBroad', birthDateColumn: 'Date of birth', dateFormat: 'ymd', reference: { column: 'Registered on' } },
      ],
      ['Case ID', 'Full name', 'Narrative', 'Date of birth', 'Registered on'],
    );
    expect(v.ok).toBe(true);
  });

  it('warns about identifier columns left undropped and variables without a rule', () => {
    const v = check([{ kind: 'copy', target: 'gender', column: 'Sex' }]);
    expect(v.ok).toBe(true);
    const warnings = v.warnings.map((w) => `${w.code}:${w.column ?? w.variable}`);
    expect(warnings).toContain('identifier_not_dropped:Full name');
    expect(warnings).toContain('no_rule:ageBroad');
    expect(warnings).not.toContain('no_rule:gender');
    expect(warnings).not.toContain('no_rule:meansOfControlConcatenated');
  });

  it('refuses rules on columns the file does not have', () => {
    const v = check([{ kind: 'binary', target: 'isAbduction', column: 'Abducted' }]);
    expect(v.ok ? [] : v.errors.map((e) => [e.code, e.column])).toEqual([['unknown_column', 'Abducted']]);
    expect(codes(check([], ['Nope']))).toEqual(['unknown_column']);
  });

  it('refuses mapping a derived variable, a variable twice, or a rule of the wrong kind', () => {
    expect(codes(check([{ kind: 'copy', target: 'meansOfControlConcatenated', column: 'Sex' }]))).toEqual(['derived_variable_mapped']);
    expect(codes(check([{ kind: 'copy', target: 'gender', column: 'Sex' }, { kind: 'constant', target: 'gender', value: 'Female' }]))).toEqual(['duplicate_target']);
    expect(codes(check([{ kind: 'age_band_from_age', target: 'gender', column: 'Age' }]))).toEqual(['incompatible_rule']);
    expect(codes(check([{ kind: 'country', target: 'isAbduction', column: 'Sex' }]))).toEqual(['incompatible_rule']);
    expect(codes(check([{ kind: 'copy', target: 'nope', column: 'Sex' }]))).toEqual(['unknown_variable']);
  });

  it('refuses codes the standard does not have', () => {
    expect(codes(check([{ kind: 'copy', target: 'gender', column: 'Sex', valueMap: { F: 'Woman' } }]))).toEqual(['invalid_code']);
    expect(codes(check([{ kind: 'constant', target: 'Datasource', value: 'Shelter' }]))).toEqual(['invalid_code']);
    expect(codes(check([{ kind: 'copy', target: 'gender', column: 'Sex', valueMap: { F: 'Female', f: 'Male' } }]))).toEqual(['conflicting_value_map']);
    expect(
      codes(check([{ kind: 'flags_from_multi_value', column: 'Sex', targets: ['isForcedLabour'], valueMap: { F: ['isSexualExploit'] } }])),
    ).toEqual(['invalid_code']);
  });

  it('reports schema errors with their path', () => {
    const v = validateMapping({ standardId: standard.id, rules: [{ kind: 'teleport', target: 'gender' }] }, { standard, header });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0]).toMatchObject({ code: 'invalid_spec', path: 'rules.0.kind' });
  });

  it('refuses a mapping written for another standard', () => {
    expect(codes(validateMapping({ standardId: 'ctdc-k-v6', rules: [] }, { standard, header }))).toEqual(['wrong_standard']);
  });
});

describe('compileMapping', () => {
  it('throws a readable error for a mapping that cannot run on this layout', () => {
    expect(() => compileMapping({ standardId: standard.id, rules: [{ kind: 'copy', target: 'gender', column: 'Gender' }] }, header, standard)).toThrow(MappingCompileError);
    expect(() => compileMapping({ standardId: standard.id, rules: [{ kind: 'copy', target: 'gender', column: 'Gender' }] }, header, standard)).toThrow('Column "Gender" does not exist in the file');
  });

  it('refuses copying an identifier column even when validation was skipped', () => {
    const spec = { standardId: standard.id, rules: [{ kind: 'copy' as const, target: 'gender', column: 'Full name' }] };
    expect(() => compileMapping(spec, header, standard, { profile })).toThrow('looks like a direct identifier (name)');
    expect(() => compileMapping(spec, header, standard, { identifierColumns: ['Full name'] })).toThrow(MappingCompileError);
  });

  it('matches header names with a byte-order mark or spaces around them', () => {
    const mapping = compileMapping({ standardId: standard.id, rules: [{ kind: 'copy', target: 'gender', column: 'Sex' }] }, ['\uFEFF Sex '], standard);
    expect(mapping.apply(['F']).values[mapping.columns.indexOf('gender')]).toBe(null);
    expect(mapping.apply(['Female']).values[mapping.columns.indexOf('gender')]).toBe('Female');
  });
});
