import { asc, eq } from 'drizzle-orm';
import { RECORD_PAGE_COLUMNS, type RecordsPage } from '../../db/queries/records';
import { standardRecords, submissions } from '../../db/schema';
import { CTDC_K_V7 } from '../../server/domain/standard';
import { signedIn, startTestApp, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';

let app: TestApp;
let cookie: string;
let submissionId: string;

// Text that PostgreSQL's row form quotes or leaves bare, and that JSON must escape or not.
const AWKWARD = ['say "no"', 'back\\slash', 'comma, paren) (open', '"', '\\', '""', 'x)y', ' padded ', 'line\nbreak\ttab\rreturn', 'bell\u0007 nul-less \u001f', 'unquoted\u0007bell', '\u001b[31m', 'slash / and <b>', 'é ü 中文 🙂', 'sep\u2028arator', ''];

beforeAll(async () => {
  app = await startTestApp();
  const partner = await insertPartner(app.ctx, 'active');
  const [sub] = await app.ctx.db.insert(submissions).values({
    partnerId: partner.id, status: 'harmonized', originalName: 'awkward.csv', size: 1, sha256: 'f'.repeat(64), recordCount: AWKWARD.length,
  }).returning();
  submissionId = sub.id;
  const texts = CTDC_K_V7.variables.filter((v) => v.kind !== 'year' && v.kind !== 'binary');
  const numbers = CTDC_K_V7.variables.filter((v) => v.kind === 'year' || v.kind === 'binary');
  await app.ctx.db.insert(standardRecords).values(AWKWARD.map((text, i) => ({
    submissionId, partnerId: partner.id,
    ...Object.fromEntries(texts.map((v, j) => [v.name, (i + j) % 3 === 0 ? null : text])),
    ...Object.fromEntries(numbers.map((v, j) => [v.name, (i + j) % 4 === 0 ? null : v.kind === 'year' ? 2000 + i : i % 2])),
  })));
  cookie = (await signedIn(app, ['data_steward'])).client.sessionCookie!;
});
afterAll(async () => { await app.close(); });

const get = (path: string) => fetch(`${app.baseUrl}${path}`, { headers: { cookie } });

type StandardRecord = typeof standardRecords.$inferSelect;
const recordsInOrder = () => app.ctx.db.select().from(standardRecords).where(eq(standardRecords.submissionId, submissionId)).orderBy(asc(standardRecords.id));
/** The page the API must send for these records: their fields as rows, in the columns' order. */
const pageOf = (records: StandardRecord[]) => JSON.stringify({
  columns: RECORD_PAGE_COLUMNS,
  rows: records.map((r) => RECORD_PAGE_COLUMNS.map((c) => r[c as keyof StandardRecord])),
});

describe('a page of a submission\'s records', () => {
  it('is the exact JSON of the records as read through drizzle, as rows in id order, with the total in a header', async () => {
    const records = await recordsInOrder();
    const res = await get(`/api/submissions/${submissionId}/records?limit=500`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-total-count')).toBe(String(AWKWARD.length));
    expect(await res.text()).toBe(pageOf(records));
  });

  it('names every standard variable once, after the record id, and leaves out the ids every record of the page shares', async () => {
    const page = await (await get(`/api/submissions/${submissionId}/records?limit=1`)).json() as RecordsPage;
    expect(page.columns).toEqual(['id', ...CTDC_K_V7.variables.map((v) => v.name)]);
    expect(page.columns).not.toContain('submissionId');
    expect(page.columns).not.toContain('partnerId');
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toHaveLength(page.columns.length);
  });

  it('pages by id: after the third record, the next two', async () => {
    const records = await recordsInOrder();
    const res = await get(`/api/submissions/${submissionId}/records?after=${records[2].id}&limit=2`);
    expect(await res.text()).toBe(pageOf(records.slice(3, 5)));
  });

  it('answers no rows past the last record, and 404 for a submission that does not exist', async () => {
    const past = await get(`/api/submissions/${submissionId}/records?after=${Number.MAX_SAFE_INTEGER}`);
    expect(past.status).toBe(200);
    expect(await past.text()).toBe(pageOf([]));
    expect((await get('/api/submissions/00000000-0000-4000-8000-000000000000/records')).status).toBe(404);
    expect((await get('/api/submissions/not-a-uuid/records')).status).toBe(404);
  });
});
