import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { eq } from 'drizzle-orm';
import { mappingVersions, submissions } from '../../db/schema';
import { CTDC_K_V7 } from '../../server/domain/standard';
import { WORKBOOK_PARTS, buildZip, inlineRow, sheetEntry } from '../unit/source-files/zip-builder';
import { ApiClient, signedIn, startTestApp, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';
import { upload, waitForSubmission } from '../support/submissions';

/**
 * quality.md's list of bad input, through the real upload API and the real workers: each gets a
 * readable message saying what and where, leaves the submission failed (or refused up front), and
 * the workers keep working afterwards.
 */
let app: TestApp;
let steward: ApiClient;
let reviewer: ApiClient;
let partnerId: string;
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'bad-input', name));

beforeAll(async () => {
  app = await startTestApp({ UPLOAD_MAX_BYTES: 2 * 1024 * 1024 });
  await app.startWorkers();
  partnerId = (await insertPartner(app.ctx, 'active')).id;
  steward = (await signedIn(app, ['data_steward'])).client;
  reviewer = (await signedIn(app, ['data_steward'])).client;
});
afterAll(async () => { await app.close(); });

async function failureOf(bytes: Buffer, name: string) {
  const res = await upload(steward, partnerId, bytes, name);
  expect(res.status).toBe(201);
  const s = await waitForSubmission(app, res.body.id, ['failed', 'profiled']);
  return s;
}

describe('files that cannot be read fail with what and where', () => {
  it.each([
    ['a header only', 'header-only.csv', /no data rows|header only|only a header/i],
    ['ragged rows', 'ragged-extra-value.csv', /row \d+/i],
    ['duplicated column names', 'duplicate-columns.csv', /duplicate|twice/i],
    ['formula cells', 'formula-cmd.csv', /formula/i],
    ['an undecodable encoding', 'utf32.csv', /encod/i],
    ['binary garbage', 'binary.bin', /not a (CSV|text)|binary|encod|read/i],
    ['an unclosed quote', 'unclosed-quote.csv', /quote/i],
  ])('%s', async (_what, file, message) => {
    const s = await failureOf(fixture(file), file.replace('.bin', '.csv'));
    expect(s.status).toBe('failed');
    expect(s.failureReason).toMatch(message);
    // Failed for good: a file that cannot be read is not retried.
    expect(s.failureReason).not.toMatch(/retrying/);
  });

  it('names the row and column of a formula cell', async () => {
    const s = await failureOf(fixture('formula-cmd.csv'), 'formula.csv');
    expect(s.failureDetails).toMatchObject({ row: expect.any(Number), column: expect.any(Number) });
    expect(s.failureReason).toMatch(/row \d+/i);
    expect(s.failureReason).toMatch(/column \d+/i);
  });

  it('an XLSX zip bomb is stopped', async () => {
    const sheet = sheetEntry({ head: inlineRow(1, ['id', 'note']), repeat: { chunk: inlineRow(2, ['1', 'aaaaaaaaaaaaaaaaaaaa']), times: 1_000_000 } });
    const bomb = await buildZip([...WORKBOOK_PARTS, sheet]);
    const s = await failureOf(bomb, 'bomb.xlsx');
    expect(s.status).toBe('failed');
    expect(s.failureReason).toMatch(/zip bomb/);
  });
});

describe('files that are fine despite their quirks', () => {
  it('a BOM and a semicolon delimiter are handled', async () => {
    const s = await failureOf(fixture('bom-semicolon.csv'), 'bom.csv');
    expect(s.status).toBe('profiled');
    expect(s.profile!.delimiter).toBe(';');
    expect(s.profile!.columns[0].name).not.toMatch(/^\uFEFF/);
  });

  it('Windows-1252 text is decoded', async () => {
    const s = await failureOf(iconv.encode('pays;âge\nCôte d\'Ivoire;17 ans\nMoldavie;23 ans\n', 'win1252'), 'shelter.csv');
    expect(s.status).toBe('profiled');
    expect(s.profile!.columns.map((c) => c.name)).toEqual(['pays', 'âge']);
    expect(s.profile!.columns[0].values!.map((v) => v.value)).toContain("Côte d'Ivoire");
  });
});

describe('refused at the door', () => {
  it('a file over the size limit is refused with the limit, and nothing is stored', async () => {
    const before = await app.ctx.db.select().from(submissions).where(eq(submissions.partnerId, partnerId));
    const res = await upload(steward, partnerId, Buffer.alloc(3 * 1024 * 1024, 'a'), 'huge.csv');
    expect(res.status).toBe(413);
    expect(res.body.message).toBe('"huge.csv" is larger than the 2 MB limit');
    const after = await app.ctx.db.select().from(submissions).where(eq(submissions.partnerId, partnerId));
    expect(after.length).toBe(before.length);
  });
});

describe('values that cannot be mapped are counted and shown, never guessed', () => {
  it('birth dates in an age column, non-numeric years and a country that does not exist', async () => {
    const csv = [
      'case_ref,registered,age,nationality,sex',
      'C-1,2019,17,Philippines,F',
      'C-2,2020,1990-04-02,Atlantis,F',
      'C-3,twenty twenty,34,Moldova,M',
      'C-4,2021,25,Philippines,M',
    ].join('\n');
    const res = await upload(steward, partnerId, Buffer.from(csv), 'dirty.csv');
    const profiled = await waitForSubmission(app, res.body.id, ['profiled', 'failed']);
    expect(profiled.status).toBe('profiled');
    const mapped = new Set(['yearOfRegistration', 'ageBroad', 'citizenship', 'gender']);
    const spec = {
      standardId: CTDC_K_V7.id,
      dropColumns: ['case_ref'],
      rules: [
        { kind: 'year_from_date', target: 'yearOfRegistration', column: 'registered', formats: ['year'] },
        { kind: 'age_band_from_age', target: 'ageBroad', column: 'age' },
        { kind: 'country', target: 'citizenship', column: 'nationality', naMeans: 'missing' },
        { kind: 'copy', target: 'gender', column: 'sex', valueMap: { F: 'Female', M: 'Male' } },
        ...CTDC_K_V7.variables.filter((v) => v.kind !== 'derived' && !mapped.has(v.name)).map((v) => ({ kind: 'not_collected', target: v.name })),
      ],
    };
    const draft = await steward.post(`/api/partners/${partnerId}/mapping-versions`, { basedOnSubmissionId: res.body.id, start: 'suggestions' });
    const put = await steward.put(`/api/mapping-versions/${draft.body.id}`, { spec });
    expect(put.status).toBe(200);
    expect(put.body.problems).toEqual([]);
    await steward.post(`/api/mapping-versions/${draft.body.id}/actions/submit`, {});
    expect((await reviewer.post(`/api/mapping-versions/${draft.body.id}/actions/approve`, {})).status).toBe(200);
    await reviewer.post(`/api/submissions/${res.body.id}/actions/harmonize`, {});
    const done = await waitForSubmission(app, res.body.id, ['harmonized', 'failed']);
    expect(done.status).toBe('harmonized');
    expect(done.recordCount).toBe(4);
    const report = done.harmonizationReport as { unmappedColumns: { column: string; unmapped: number; examples: { value: string }[]; examplesWithheld: boolean }[] };
    const byColumn = Object.fromEntries(report.unmappedColumns.map((c) => [c.column, c]));
    expect(byColumn.nationality).toMatchObject({ unmapped: 1, examples: [{ value: 'Atlantis' }] });
    expect(byColumn.age.unmapped).toBe(1);
    expect(byColumn.registered.unmapped).toBe(1);
    const [version] = await app.ctx.db.select().from(mappingVersions).where(eq(mappingVersions.id, draft.body.id));
    expect(version.status).toBe('approved');
  });
});

it('the workers are still alive after all of it', async () => {
  const s = await failureOf(Buffer.from('gender,age\nF,17\nM,30\n'), 'fine.csv');
  expect(s.status).toBe('profiled');
  expect(s.profile!.rowCount).toBe(2);
});
