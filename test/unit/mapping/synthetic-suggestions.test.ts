/**
 * End to end on the synthetic generator's four partner kinds: generate a file, read and profile it
 * with the real reader and profiler, suggest a mapping, and judge it against the generator's
 * ground truth; then harmonize the file with the suggested mapping.
 */
import { Readable } from 'node:stream';
import { compileMapping, suggestMapping, validateMapping } from '../../../server/domain/mapping';
import { profileSource } from '../../../server/domain/profiling';
import type { FileProfile } from '../../../server/domain/profiling/types';
import { openSourceFile } from '../../../server/domain/source-files';
import { getStandard, isValidValue } from '../../../server/domain/standard';
import { PARTNER_PROFILE_NAMES, generatePartnerFile, getPartnerProfile } from '../../../server/domain/synthetic';
import { suggestionAccuracy } from './support/suggestion-accuracy';

const ROWS = 2000;
const standard = getStandard();

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each(PARTNER_PROFILE_NAMES)('suggestions for a generated %s file', (name) => {
  let bytes: Buffer;
  let profile: FileProfile;
  beforeAll(async () => {
    bytes = await bytesOf(generatePartnerFile({ profile: name, rows: ROWS, seed: 11 }));
    profile = await profileSource(Readable.from([bytes]));
  });

  it('reach at least 90 % of the variables the file carries', () => {
    const accuracy = suggestionAccuracy(suggestMapping(profile, standard), getPartnerProfile(name).groundTruth);
    expect(accuracy.wrong).toEqual([]);
    expect(accuracy.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('drop every column the profiler flags as an identifier and validate', () => {
    const suggestion = suggestMapping(profile, standard);
    const identifiers = profile.columns.filter((c) => c.identifier).map((c) => c.name);
    expect(suggestion.drop.map((d) => d.column).sort()).toEqual(identifiers.sort());
    const v = validateMapping(suggestion.spec, { standard, header: profile.columns.map((c) => c.name), profile });
    expect(v.ok ? [] : v.errors).toEqual([]);
  });

  it('harmonize the file with almost nothing left unmapped', async () => {
    const suggestion = suggestMapping(profile, standard);
    const file = await openSourceFile(Readable.from([bytes]));
    const mapping = compileMapping(suggestion.spec, file.header, standard, { profile });
    const values: (string | null)[] = [];
    let invalid = 0;
    for await (const row of file.rows()) {
      mapping.applyInto(row.cells, values);
      invalid += standard.variables.filter((v, i) => !isValidValue(standard, v.name, values[i])).length;
    }
    const report = mapping.report();
    expect(invalid).toBe(0);
    expect(report.rows).toBe(ROWS);
    const unmapped = report.unmappedColumns.reduce((n, c) => n + c.unmapped, 0);
    expect(unmapped / (ROWS * file.header.length)).toBeLessThan(0.005);
  });
});
