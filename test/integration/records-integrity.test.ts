import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { Pool } from 'pg';
import { standardRecords, submissions } from '../../db/schema';
import { loadConfig } from '../../server/config';
import { CTDC_K_V7 } from '../../server/domain/standard';
import { openRecordCopy } from '../../server/services/submissions/copy-records';
import { startTestApp, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app.close(); });

async function submissionOf(partnerId: string) {
  const [row] = await app.ctx.db.insert(submissions).values({
    partnerId, status: 'harmonizing', originalName: 'cases.csv', size: 1, sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
  }).returning();
  return row;
}

// standard_records has no row-level foreign keys (they tripled the cost of loading a million
// records); the database still refuses records without a real owner, once per statement.
describe('who standard records belong to', () => {
  it('accepts records of an existing submission of that partner', async () => {
    const partner = await insertPartner(app.ctx, 'active');
    const sub = await submissionOf(partner.id);
    await app.ctx.db.insert(standardRecords).values([{ submissionId: sub.id, partnerId: partner.id }, { submissionId: sub.id, partnerId: partner.id }]);
    const rows = await app.ctx.db.select({ id: standardRecords.id }).from(standardRecords).where(eq(standardRecords.submissionId, sub.id));
    expect(rows).toHaveLength(2);
  });

  it('refuses records of a submission that does not exist, writing none of the statement', async () => {
    const partner = await insertPartner(app.ctx, 'active');
    const sub = await submissionOf(partner.id);
    const ghost = randomUUID();
    await expect(app.ctx.db.insert(standardRecords).values([{ submissionId: sub.id, partnerId: partner.id }, { submissionId: ghost, partnerId: partner.id }]))
      .rejects.toMatchObject({ cause: expect.objectContaining({ code: '23503', message: expect.stringContaining(`submission ${ghost}`) }) });
    expect(await app.ctx.db.select().from(standardRecords).where(eq(standardRecords.submissionId, sub.id))).toHaveLength(0);
  });

  it("refuses records claiming another partner's submission", async () => {
    const mine = await insertPartner(app.ctx, 'active');
    const other = await insertPartner(app.ctx, 'active');
    const sub = await submissionOf(mine.id);
    await expect(app.ctx.db.insert(standardRecords).values({ submissionId: sub.id, partnerId: other.id }))
      .rejects.toMatchObject({ cause: expect.objectContaining({ code: '23503' }) });
    const [ok] = await app.ctx.db.insert(standardRecords).values({ submissionId: sub.id, partnerId: mine.id }).returning();
    await expect(app.ctx.db.update(standardRecords).set({ partnerId: other.id }).where(eq(standardRecords.id, ok.id)))
      .rejects.toMatchObject({ cause: expect.objectContaining({ code: '23503' }) });
  });

  it('keeps a submission with records from being deleted or moved to another partner', async () => {
    const partner = await insertPartner(app.ctx, 'active');
    const other = await insertPartner(app.ctx, 'active');
    const sub = await submissionOf(partner.id);
    await app.ctx.db.insert(standardRecords).values({ submissionId: sub.id, partnerId: partner.id });
    await expect(app.ctx.db.delete(submissions).where(eq(submissions.id, sub.id)))
      .rejects.toMatchObject({ cause: expect.objectContaining({ code: '23503', message: expect.stringContaining('still has standard records') }) });
    await expect(app.ctx.db.update(submissions).set({ partnerId: other.id }).where(eq(submissions.id, sub.id)))
      .rejects.toMatchObject({ cause: expect.objectContaining({ code: '23503' }) });
    await app.ctx.db.update(submissions).set({ status: 'harmonized', partnerId: partner.id }).where(eq(submissions.id, sub.id));
    const empty = await submissionOf(partner.id);
    await app.ctx.db.delete(submissions).where(eq(submissions.id, empty.id));
  });
});

describe('loading records with COPY', () => {
  it('keeps every value exactly, escapes included, and null as null', async () => {
    const partner = await insertPartner(app.ctx, 'active');
    const sub = await submissionOf(partner.id);
    const width = CTDC_K_V7.variables.length;
    const text = CTDC_K_V7.variables.findIndex((v) => v.kind === 'code');
    const flag = CTDC_K_V7.variables.findIndex((v) => v.kind === 'binary');
    const odd = ['tab\there', 'back\\slash \\N', 'line\nbreak\r\nend', 'plain'];
    const pool = new Pool({ connectionString: loadConfig().appDatabaseUrl, max: 1 });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const copy = await openRecordCopy(client, CTDC_K_V7, sub.id, partner.id);
      for (const value of odd) {
        const values: (string | null)[] = new Array(width).fill(null);
        values[text] = value;
        values[flag] = '1';
        await copy.write(values);
      }
      expect(await copy.finish()).toBe(odd.length);
      await client.query('COMMIT');
    } finally {
      client.release();
      await pool.end();
    }
    const rows = await app.ctx.db.select().from(standardRecords).where(eq(standardRecords.submissionId, sub.id)).orderBy(asc(standardRecords.id));
    const textKey = CTDC_K_V7.variables[text].name as keyof typeof rows[number];
    const flagKey = CTDC_K_V7.variables[flag].name as keyof typeof rows[number];
    expect(rows.map((r) => r[textKey])).toEqual(odd);
    expect(rows.map((r) => r[flagKey])).toEqual([1, 1, 1, 1]);
    const otherKey = CTDC_K_V7.variables[text === 0 ? 1 : 0].name as keyof typeof rows[number];
    expect(rows.map((r) => r[otherKey])).toEqual([null, null, null, null]);
  });
});
