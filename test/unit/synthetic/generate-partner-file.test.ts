import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { PARTNER_PROFILES, PARTNER_PROFILE_NAMES, generatePartnerFile } from '../../../server/domain/synthetic';
import { readAll } from './read-stream';

const csv = async (profile: (typeof PARTNER_PROFILE_NAMES)[number], rows: number, seed: number | string): Promise<Buffer> =>
  readAll(generatePartnerFile({ profile, rows, seed }));

describe('generatePartnerFile', () => {
  it.each(PARTNER_PROFILE_NAMES)('%s: the same seed gives the same bytes, another seed other bytes', async (profile) => {
    const a = await csv(profile, 300, 7);
    const b = await csv(profile, 300, 7);
    const c = await csv(profile, 300, 8);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('a shorter file with the same seed is a prefix of the longer one (rows are drawn in order)', async () => {
    const short = await csv('hotline', 50, 'x');
    const long = await csv('hotline', 100, 'x');
    expect(long.subarray(0, short.length).equals(short)).toBe(true);
  });

  it('hotline: about 40 comma-separated UTF-8 columns, one row per call, yes/no spelled three ways', async () => {
    const text = (await csv('hotline', 2000, 1)).toString('utf8');
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual([...PARTNER_PROFILES.hotline.columns]);
    expect(header.length).toBeGreaterThanOrEqual(38);
    expect(rows).toHaveLength(2000);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const cellsOf = (name: string): string[] => rows.map((r) => r[header.indexOf(name)].trim());
    expect(new Set(cellsOf('debt_bondage'))).toEqual(new Set(['Y', 'N', 'y', 'n', '']));
    expect(new Set(cellsOf('threats').map((v) => v.toLowerCase()))).toEqual(new Set(['yes', 'no', '']));
    expect(new Set(cellsOf('physical_abuse').map((v) => v.toUpperCase()))).toEqual(new Set(['TRUE', 'FALSE', '']));
    // Age in years or a birth date, never both.
    const ages = cellsOf('victim_age');
    const births = cellsOf('victim_dob');
    expect(ages.some((a) => /^\d+$/.test(a))).toBe(true);
    expect(births.some((b) => /^\d{4}-\d{2}-\d{2}$/.test(b))).toBe(true);
    expect(ages.every((a, i) => a === '' || births[i] === '')).toBe(true);
  });

  it('htcds: HTCDS codes, ISO alpha-3 countries, multi-select cells joined by ; or |, ISIC sections', async () => {
    const text = (await csv('htcds', 3000, 2)).toString('utf8');
    expect(text.split('\n')[0]).toBe(PARTNER_PROFILES.htcds.columns.join(','));
    expect(text).toMatch(/,Feminine,/);
    expect(text).toMatch(/,Masculine,/);
    expect(text).toMatch(/,Transgender(Feminine|Masculine),|,NonBinary,/);
    expect(text).toMatch(/,UKR,/);
    expect(text).toMatch(/,[A-Za-z]+;[A-Za-z]+[;,]/);
    expect(text).toMatch(/,[A-Za-z]+\|[A-Za-z]+[|,]/);
    expect(text).toMatch(/,[ACFGHIST],/);
  });

  it('shelter_fr: Windows-1252 bytes, semicolons, CRLF, a title line, French country names, ages as text', async () => {
    const bytes = await csv('shelter_fr', 2000, 3);
    // é is one byte (0xE9) in Windows-1252 and two (C3 A9) in UTF-8.
    expect(bytes.includes(Buffer.from([0xe9]))).toBe(true);
    expect(bytes.includes(Buffer.from([0xc3, 0xa9]))).toBe(false);
    const text = iconv.decode(bytes, 'win1252');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^Foyer .* — registre/);
    expect(lines[1].split(';')).toEqual([...PARTNER_PROFILES.shelter_fr.columns]);
    expect(text).toContain(';Moldavie;');
    expect(text).toMatch(/;Côte[- ]d'Ivoire;/);
    expect(text).toMatch(/;1\d ans;/);
  });

  it("legacy_ctdc: -99 for missing, 00/ZZ countries, em-dash and zero-padded age bands, the typo'd column", async () => {
    const bytes = await csv('legacy_ctdc', 3000, 4);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const header = text.split('\r\n')[0].split(';');
    expect(header).toContain('CountryofExploitation');
    expect(header).not.toContain('CountryOfExploitation');
    expect(header).toContain('name');
    expect(text).toContain(';-99;');
    expect(text).toMatch(/;(00|ZZ);/);
    expect(text).toContain(';9\u201417;');
    expect(text).toContain(';09--17;');
    expect(text).toContain(';9--17;');
  });

  it('refuses an unknown profile and a negative row count', () => {
    expect(() => generatePartnerFile({ profile: 'nope' as never, rows: 1, seed: 1 })).toThrow(/Unknown partner profile 'nope'/);
    expect(() => generatePartnerFile({ profile: 'hotline', rows: -1, seed: 1 })).toThrow(/rows/);
  });
});
