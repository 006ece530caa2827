import { CTDC_K_V7, publishedColumns } from '../../../server/domain/standard';
import { PARTNER_PROFILES, PARTNER_PROFILE_NAMES } from '../../../server/domain/synthetic';

const STANDARD = new Set(publishedColumns(CTDC_K_V7));

describe.each(PARTNER_PROFILE_NAMES)('%s profile description (the ground truth for mapping tests)', (name) => {
  const profile = PARTNER_PROFILES[name];

  it('names only its own columns and only standard variables', () => {
    for (const entry of profile.groundTruth) {
      expect(STANDARD.has(entry.variable)).toBe(true);
      for (const column of entry.sourceColumns) expect(profile.columns).toContain(column);
    }
    for (const { column } of profile.identifiers) expect(profile.columns).toContain(column);
  });

  it('never feeds a standard variable from an identifier column except to derive a year or an age band', () => {
    const identifiers = new Set(profile.identifiers.map((i) => i.column));
    for (const entry of profile.groundTruth) {
      if (entry.sourceColumns.some((c) => identifiers.has(c))) {
        expect(['year_from_date', 'age_band_from_birth_date']).toContain(entry.transform);
      }
    }
  });

  it('carries the core variables', () => {
    const variables = new Set(profile.groundTruth.map((e) => e.variable));
    for (const v of ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'CountryOfExploitation', 'isAbduction']) {
      expect(variables).toContain(v);
    }
  });

  it('has unique column names and at least one identifier', () => {
    expect(new Set(profile.columns).size).toBe(profile.columns.length);
    expect(profile.identifiers.length).toBeGreaterThan(0);
  });
});
