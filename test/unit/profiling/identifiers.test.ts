import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { type FileProfile, profileSource } from '../../../server/domain/profiling';
import { PARTNER_PROFILES, PARTNER_PROFILE_NAMES, type PartnerProfileName, generatePartnerFile } from '../../../server/domain/synthetic';
import { readAll } from '../synthetic/read-stream';
import { streamOf } from '../source-files/open-text';

const ROWS = 3000;

async function generated(name: PartnerProfileName, format: 'csv' | 'xlsx' = 'csv'): Promise<{ profile: FileProfile; rows: string[][] }> {
  const bytes = await readAll(generatePartnerFile({ profile: name, rows: ROWS, seed: 99, format }));
  const csv = await readAll(generatePartnerFile({ profile: name, rows: ROWS, seed: 99 }));
  const def = PARTNER_PROFILES[name];
  const text = def.encoding === 'utf-8' ? csv.toString('utf8') : iconv.decode(csv, 'win1252');
  const rows = (parse(text, { delimiter: def.delimiter, bom: true, relax_column_count: true }) as string[][]).slice(def.titleLines.length + 1);
  return { profile: await profileSource(streamOf(bytes, 64 * 1024)), rows };
}

describe.each(PARTNER_PROFILE_NAMES)('identifier detection on the %s profile', (name) => {
  let result: { profile: FileProfile; rows: string[][] };
  beforeAll(async () => {
    result = await generated(name);
  });
  const def = PARTNER_PROFILES[name];

  it.each(def.identifiers.map((i) => [i.column, i.kind]))('flags %s as %s and keeps none of its values', (column, kind) => {
    const col = result.profile.columns.find((c) => c.name === column);
    expect(col?.identifier?.kind).toBe(kind);
    expect(col?.values).toBeNull();
    expect(col?.stats.maxLength).toBeGreaterThan(0);
  });

  it('no value of an identifier column appears anywhere in the profile', () => {
    const json = JSON.stringify(result.profile);
    let checked = 0;
    for (const { column } of def.identifiers) {
      const index = def.columns.indexOf(column);
      for (const row of result.rows) {
        const value = row[index].trim();
        if (value === '' || value === '-99') continue;
        checked++;
        expect(json).not.toContain(JSON.stringify(value));
        if (value.length >= 6) expect(json).not.toContain(value);
      }
    }
    expect(checked).toBeGreaterThan(ROWS / 2);
  });

  it('does not flag the coded and numeric columns that carry the standard variables', () => {
    const identifiers = new Set(def.identifiers.map((i) => i.column));
    const flagged = result.profile.columns.filter((c) => c.identifier && !identifiers.has(c.name)).map((c) => c.name);
    expect(flagged).toEqual([]);
    for (const c of result.profile.columns.filter((col) => !identifiers.has(col.name))) expect(c.values).not.toBeNull();
  });
});

describe('identifier detection on an XLSX workbook', () => {
  it('flags the same htcds columns when they come as real dates and numbers', async () => {
    const { profile } = await generated('htcds', 'xlsx');
    expect(profile.format).toBe('xlsx');
    const flagged = profile.columns.filter((c) => c.identifier).map((c) => [c.name, c.identifier?.kind]);
    expect(flagged).toEqual(PARTNER_PROFILES.htcds.identifiers.map((i) => [i.column, i.kind]));
  }, 60_000);
});
