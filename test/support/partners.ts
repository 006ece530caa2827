import PDFDocument from 'pdfkit';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { agreements, partners, type PartnerStatus } from '../../db/schema';
import type { AppContext } from '../../server/context';
import type { ApiClient } from './harness';

/** A real (tiny) PDF, as a signed agreement would be. */
export function makePdf(text = 'Data-sharing agreement'): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

export const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export async function insertPartner(ctx: AppContext, status: PartnerStatus = 'prospect', over: Partial<typeof partners.$inferInsert> = {}) {
  const [row] = await ctx.db
    .insert(partners)
    .values({
      name: `Partner ${randomUUID().slice(0, 6)}`, shortCode: `P-${randomUUID().slice(0, 8).toUpperCase()}`, type: 'ngo',
      dataSource: 'Case Management', cadence: 'quarterly', status, ...over,
    })
    .returning();
  // An active partner always has an agreement in force (signed, with its document): without one, the
  // daily agreement sweep that another test file may run at any moment would rightly suspend it.
  if (status === 'active') {
    const document = await ctx.blobs.put('agreements', Readable.from([await makePdf()]));
    await ctx.db.insert(agreements).values({
      partnerId: row.id, version: 1, signedDate: isoDay(-30), effectiveDate: isoDay(-30), expiryDate: isoDay(365),
      scopeGroups: ['demographics'], attribution: 'Data courtesy of the partner.', status: 'signed',
      documentKey: document.key, documentName: 'dsa.pdf', documentSize: document.size, documentSha256: document.sha256,
    });
  }
  return row;
}

export function uploadForm(bytes: Buffer, filename: string, type = 'application/pdf'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  return form;
}

/** A signed agreement with its PDF, in force from `from` to `to` days around today. */
export async function signedAgreement(liaison: ApiClient, partnerId: string, from = -10, to = 365) {
  const created = await liaison.post(`/api/partners/${partnerId}/agreements`, {
    signedDate: isoDay(from), effectiveDate: isoDay(from), expiryDate: isoDay(to), scopeGroups: ['demographics'], attribution: 'Data courtesy of the partner.',
  });
  if (created.status !== 201) throw new Error(`agreement: ${JSON.stringify(created.body)}`);
  const up = await liaison.request('POST', `/api/agreements/${created.body.id}/document`, uploadForm(await makePdf(), 'dsa.pdf'));
  if (up.status !== 200) throw new Error(`upload: ${JSON.stringify(up.body)}`);
  const signed = await liaison.post(`/api/agreements/${created.body.id}/actions/sign`, {});
  if (signed.status !== 200) throw new Error(`sign: ${JSON.stringify(signed.body)}`);
  return signed.body;
}

export async function primaryContact(liaison: ApiClient, partnerId: string) {
  const res = await liaison.post(`/api/partners/${partnerId}/contacts`, { name: 'Primary Person', email: 'primary@partner.org', isPrimary: true });
  if (res.status !== 201) throw new Error(`contact: ${JSON.stringify(res.body)}`);
  return res.body;
}
