import { mappingCoverage } from '../../../server/domain/mapping';
import { getStandard } from '../../../server/domain/standard';
import { PARTNER_FIXTURES } from './fixtures';
import { profileRows } from './support/profile-rows';

const standard = getStandard();
const hotline = PARTNER_FIXTURES.find((f) => f.kind === 'hotline')!;
const profile = profileRows(hotline.header, hotline.rows, hotline.identifiers);

describe('mappingCoverage', () => {
  const coverage = mappingCoverage(hotline.spec, profile, standard);

  it('counts the variables mapped, not collected and without a rule', () => {
    const mappable = standard.variables.filter((v) => v.kind !== 'derived').length;
    expect(coverage.variables.total).toBe(mappable);
    expect(coverage.variables.mapped).toBe(23);
    expect(coverage.variables.withoutRule).toContain('isForcedMarriage');
    expect(coverage.variables.withoutRule).not.toContain('gender');
  });

  it('lists unmapped values most frequent first, never from identifier columns', () => {
    expect(coverage.unmapped.map((u) => [u.column, u.value, u.count])).toEqual([
      ['Sex', 'X', 1],
      ['Nationality', 'Atlantis', 1],
    ]);
    expect(coverage.unevaluatedColumns).toEqual(['Date of first contact']);
  });

  it('weighs records by frequency and leaves "no information" out of the share', () => {
    expect(coverage.records.missing).toBeGreaterThan(0);
    expect(coverage.records.covered + coverage.records.missing + 2).toBe(coverage.records.total);
    expect(coverage.records.share).toBeCloseTo(coverage.records.covered / (coverage.records.total - coverage.records.missing), 3);
    expect(coverage.values.distinct).toBe(coverage.values.mapped + coverage.values.missing + 2);
  });

  it('shows how much a better value map would gain', () => {
    const rules = hotline.spec.rules.map((r) => (r.kind === 'copy' && r.target === 'gender' ? { ...r, valueMap: {} } : r));
    const poorer = mappingCoverage({ ...hotline.spec, rules }, profile, standard);
    expect(poorer.records.covered).toBeLessThan(coverage.records.covered);
    expect(poorer.unmapped[0]).toMatchObject({ column: 'Sex', value: 'M', count: 2 });
    expect(poorer.unmapped.map((u) => u.value)).toContain('F');
  });
});
