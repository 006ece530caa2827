import { type ProfilingProgress, profileSource } from '../../../server/domain/profiling';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { SourceFileError } from '../../../server/domain/source-files';
import { PARTNER_PROFILE_NAMES, generatePartnerFile } from '../../../server/domain/synthetic';
import { readAll } from '../synthetic/read-stream';
import { streamOf } from '../source-files/open-text';

const profileText = (text: string, options?: Parameters<typeof profileSource>[1]) => profileSource(streamOf(text), options);
const column = (profile: Awaited<ReturnType<typeof profileSource>>, name: string) => {
  const found = profile.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
};

describe('profileSource', () => {
  it('infers integer, decimal, boolean, date, code, text and empty columns', async () => {
    const lines = ['count,ratio,minor,seen,status,comment,nothing,flag'];
    for (let i = 0; i < 200; i++) {
      lines.push([i % 40, `${i % 7},5`.replace(',', '.'), i % 3 ? 'yes' : 'No', `2021-0${1 + (i % 9)}-1${i % 10}`, ['open', 'closed', 'referred'][i % 3], `remark number ${i} about ${i * 7}`, '', i % 5 ? '1' : '0'].join(','));
    }
    lines.push('n/a,,-99,unknown,open,x,,-99');
    const profile = await profileText(lines.join('\n') + '\n');
    const types = Object.fromEntries(profile.columns.map((c) => [c.name, c.inferredType]));
    expect(types).toEqual({
      count: 'integer', ratio: 'decimal', minor: 'boolean', seen: 'date', status: 'code', comment: 'text', nothing: 'empty', flag: 'boolean',
    });
    expect(profile.rowCount).toBe(201);
    expect(column(profile, 'nothing')).toMatchObject({ nonEmpty: 0, empty: 201, distinctCount: 0, values: [] });
    expect(column(profile, 'ratio')).toMatchObject({ empty: 1, nonEmpty: 200 });
  });

  it('keeps distinct values with counts, most frequent first, up to the cap, and says when it capped', async () => {
    const lines = ['code,n'];
    for (let i = 0; i < 500; i++) lines.push(`${i < 300 ? 'A' : `V${i}`},${i}`);
    const profile = await profileText(lines.join('\n'), { distinctCap: 10 });
    expect(profile.distinctCap).toBe(10);
    const code = column(profile, 'code');
    expect(code.distinctCapped).toBe(true);
    expect(code.values).toHaveLength(10);
    expect(code.values?.[0]).toEqual({ value: 'A', count: 300 });
    // Beyond the cap the count is an estimate (HyperLogLog), close to the 201 true values.
    expect(code.distinctCount).toBeGreaterThan(190);
    expect(code.distinctCount).toBeLessThan(212);
    const uncapped = await profileText(lines.join('\n'));
    expect(column(uncapped, 'code')).toMatchObject({ distinctCapped: false, distinctCount: 201 });
  });

  it('trims values and merges spellings that differ only by surrounding spaces', async () => {
    const profile = await profileText('g\nF\n F \nF\nM\n');
    expect(column(profile, 'g').values).toEqual([{ value: 'F', count: 3 }, { value: 'M', count: 1 }]);
  });

  it('warns about birth dates where ages were expected, and treats them as birth dates', async () => {
    const lines = ['case_age,gender'];
    for (let i = 0; i < 50; i++) lines.push(`${10 + (i % 18)}/0${1 + (i % 9)}/19${70 + (i % 30)},F`);
    const profile = await profileText(lines.join('\n'));
    const age = column(profile, 'case_age');
    expect(age.identifier?.kind).toBe('birth_date');
    expect(age.values).toBeNull();
    expect(profile.warnings).toEqual([expect.stringMatching(/^Column 1 \('case_age'\) should hold ages but 100 % of its values are full dates: birth dates\?/)]);
  });

  it('warns about years where ages were expected and about non-numeric years', async () => {
    const lines = ['age,year'];
    for (let i = 0; i < 40; i++) lines.push(`${1980 + (i % 20)},${i % 10 === 0 ? 'unknown yr' : 2015 + (i % 5)}`);
    const profile = await profileText(lines.join('\n'));
    expect(profile.warnings).toEqual([
      "Column 1 ('age') should hold ages but its numbers look like years (birth years?).",
      "Column 2 ('year') should hold years but 10 % of its values are not whole numbers.",
    ]);
  });

  it('detects e-mails, phones, unique ids and prose by their values when the header says nothing', async () => {
    const lines = ['a,b,c,d,e'];
    for (let i = 0; i < 100; i++) {
      lines.push([`person${i}@example.org`, `+63 917 ${String(1000000 + i * 7919).slice(0, 7)}`, `HL/${2020 + (i % 4)}/${1000 + i}`, `She said that she had been working ${i} days without pay and wanted to go home soon`, ['A', 'B'][i % 2]].join(','));
    }
    const profile = await profileText(lines.join('\n'));
    expect(profile.columns.map((c) => c.identifier?.kind ?? null)).toEqual(['email', 'phone', 'case_number', 'free_text', null]);
    expect(JSON.stringify(profile)).not.toMatch(/person\d|HL\/|without pay/);
  });

  it('does not flag yes/no columns whose header mentions documents, or names of countries', async () => {
    const lines = ['documents_withheld,country_name,nombre'];
    for (let i = 0; i < 60; i++) lines.push([i % 2 ? 'Y' : 'N', ['Moldova', 'Ukraine', 'Philippines'][i % 3], `Ana ${['Lopez', 'Reyes', 'Cruz', 'Diaz', 'Ruiz', 'Vega'][i % 6]}${i}`].join(','));
    const profile = await profileText(lines.join('\n'));
    expect(profile.columns.map((c) => c.identifier?.kind ?? null)).toEqual([null, null, 'name']);
  });

  it('reports progress with rows read and a percent of the known size', async () => {
    const bytes = await readAll(generatePartnerFile({ profile: 'hotline', rows: 5000, seed: 3 }));
    const seen: ProfilingProgress[] = [];
    const profile = await profileSource(streamOf(bytes, 16 * 1024), {
      totalBytes: bytes.length,
      progressEvery: 1000,
      pieceChars: 16 * 1024,
      onProgress: (p) => {
        seen.push(p);
      },
    });
    expect(profile.rowCount).toBe(5000);
    // Reported at the first piece boundary past every 1,000 rows, then once at the end.
    const rows = seen.map((p) => p.rowsRead);
    expect(rows.slice(0, -1)).toHaveLength(4);
    rows.slice(0, 4).forEach((r, i) => expect(r).toBeGreaterThanOrEqual((i + 1) * 1000));
    rows.slice(1).forEach((r, i) => expect(r).toBeGreaterThan(rows[i]));
    expect(seen[seen.length - 1]).toEqual({ rowsRead: 5000, bytesRead: bytes.length, percent: 100 });
    expect(seen[0].percent).toBeGreaterThan(0);
    expect(seen[0].percent).toBeLessThan(100);
    const unknown: ProfilingProgress[] = [];
    await profileSource(streamOf(bytes), { onProgress: (p) => void unknown.push(p) });
    expect(unknown[unknown.length - 1].percent).toBeNull();
  });

  it('describes the file: format, encoding, delimiter, header row', async () => {
    const bytes = await readAll(generatePartnerFile({ profile: 'shelter_fr', rows: 200, seed: 1 }));
    const profile = await profileSource(streamOf(bytes));
    expect(profile).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', headerRow: 1, rowCount: 200 });
    expect(profile.warnings).toContain('The header is on row 2; the title rows above it were skipped.');
  });

  it('passes the reader’s errors on', async () => {
    await expect(profileText('a,b\n')).rejects.toMatchObject({ code: 'header_only' });
  });

  describe('on reading threads', () => {
    const PIECE = 64 * 1024;

    it.each(PARTNER_PROFILE_NAMES)('gives the %s profile exactly as one thread reading it all does', async (name) => {
      const file = await readAll(generatePartnerFile({ profile: name, rows: 4000, seed: 11 }));
      for (const distinctCap of [1000, 25]) {
        const single = await profileSource(streamOf(file, 16 * 1024), { distinctCap, threads: 0, pieceChars: PIECE });
        const threaded = await profileSource(streamOf(file, 16 * 1024), { distinctCap, threads: 2, pieceChars: PIECE });
        expect(threaded).toEqual(single);
        expect(threaded.rowCount).toBe(4000);
        // Against counts made independently: the first `distinctCap` distinct values, each counted in the whole file.
        const records = parse(iconv.decode(file, threaded.encoding), {
          delimiter: threaded.delimiter!, from_line: threaded.headerRow + 2, skip_empty_lines: true, relax_column_count: true,
        }) as string[][];
        expect(records).toHaveLength(4000);
        for (const column of threaded.columns) {
          const counts = new Map<string, number>();
          for (const record of records) {
            const value = (record[column.index] ?? '').trim();
            if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
          }
          expect(column.nonEmpty).toBe([...counts.values()].reduce((a, b) => a + b, 0));
          expect(column.distinctCapped).toBe(counts.size > distinctCap);
          if (!column.distinctCapped) expect(column.distinctCount).toBe(counts.size);
          if (column.values === null) continue;
          const firstSeen = [...counts.keys()].slice(0, distinctCap);
          expect(column.values.map((v) => v.value).sort()).toEqual([...firstSeen].sort());
          for (const { value, count } of column.values) expect(count).toBe(counts.get(value));
        }
      }
    });

    it('stops on a broken row far into the file with the same error, naming its row and column', async () => {
      const lines = ['id,status,note'];
      for (let i = 1; i <= 20_000; i++) lines.push(i === 15_000 ? `${i},open,"a, b",extra` : `${i},open,"note ${i}"`);
      const text = lines.join('\n');
      const errorOf = (threads: number) => profileSource(streamOf(text), { threads, pieceChars: PIECE }).then(() => null, (e: unknown) => e);
      const threaded = await errorOf(2);
      expect(threaded).toBeInstanceOf(SourceFileError);
      expect(threaded).toMatchObject({ code: 'ragged_row', row: 15_001, column: 4 });
      expect(threaded).toEqual(await errorOf(0));
      expect((threaded as Error).message).toBe(((await errorOf(0)) as Error).message);
    });
  });
});
