import { and, eq, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { agreements, partners } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { AppError, notFound } from '../../errors/app-error';
import type { BlobStore } from '../../storage/blob-store';
import { SizeLimitError } from '../../storage/blob-store';
import type { IncomingFile } from '../../http/upload';
import { performTransition, type WorkflowBinding } from '../../workflow/engine';
import { drizzleStatusAccess } from '../../workflow/drizzle-binding';
import { agreementLifecycle } from '../../workflow/tables';
import type { agreementBody } from './partner-schemas';

type AgreementRow = typeof agreements.$inferSelect;
type AgreementAction = (typeof agreementLifecycle.transitions)[number]['action'];

export const AGREEMENT_MAX_BYTES = 20 * 1024 * 1024;

export const agreementBinding: WorkflowBinding<AgreementRow['status'], AgreementAction, AgreementRow> = {
  workflow: agreementLifecycle,
  label: 'Agreement',
  ...drizzleStatusAccess<AgreementRow>({ table: agreements, id: agreements.id, status: agreements.status, updatedAt: agreements.updatedAt }),
  guards: {
    signedDocumentOnFile: ({ row }) =>
      !row.documentKey ? 'Upload the signed PDF before marking the agreement signed'
        : !row.signedDate ? 'Enter the date the agreement was signed first' : null,
  },
};

/** New agreements are numbered per partner: version 1, 2, ... */
export async function createAgreement(db: Db, actor: Actor, meta: RequestMeta, partnerId: string, input: z.infer<typeof agreementBody>) {
  return db.transaction(async (tx) => {
    const [p] = await tx.select({ id: partners.id, status: partners.status }).from(partners).where(eq(partners.id, partnerId)).for('update');
    if (!p) throw notFound('Partner');
    if (p.status === 'offboarded') throw new AppError('conflict', 'An offboarded partner cannot get a new agreement');
    const [{ last }] = await tx.select({ last: max(agreements.version) }).from(agreements).where(eq(agreements.partnerId, partnerId));
    const [row] = await tx
      .insert(agreements)
      .values({ ...input, signedDate: input.signedDate ?? null, partnerId, version: (last ?? 0) + 1, createdBy: actor.id })
      .returning();
    await recordAuditEvent(tx, actor, meta, {
      action: 'agreement.created', entityType: 'agreement', entityId: row.id, toState: 'draft',
      details: { partnerId, version: row.version, effectiveDate: row.effectiveDate, expiryDate: row.expiryDate },
    });
    return row;
  });
}

export async function updateDraftAgreement(db: Db, actor: Actor, meta: RequestMeta, id: string, input: Partial<z.infer<typeof agreementBody>>) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(agreements).where(eq(agreements.id, id)).for('update');
    if (!before) throw notFound('Agreement');
    if (before.status !== 'draft') throw new AppError('conflict', `A ${before.status} agreement cannot be edited; create a new version`);
    const next = { ...before, ...input };
    if (next.expiryDate <= next.effectiveDate) {
      throw new AppError('validation', 'The expiry date must be after the effective date', { fields: [{ path: 'expiryDate', message: 'Must be after the effective date' }] });
    }
    const [row] = await tx.update(agreements).set({ ...input, updatedAt: sql`now()` }).where(eq(agreements.id, id)).returning();
    await recordAuditEvent(tx, actor, meta, { action: 'agreement.updated', entityType: 'agreement', entityId: id, details: { changed: Object.keys(input) } });
    return row;
  });
}

/**
 * Stores the signed PDF encrypted. The bytes must really be a PDF (its `%PDF-` signature), not
 * empty, and under the size limit; a refused file leaves nothing behind.
 */
export async function attachAgreementDocument(db: Db, blobs: BlobStore, actor: Actor, meta: RequestMeta, id: string, file: IncomingFile) {
  const [agreement] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (!agreement) throw notFound('Agreement');
  if (agreement.status !== 'draft') throw new AppError('conflict', 'The document of a signed agreement cannot be replaced; create a new version');
  let head = Buffer.alloc(0);
  let stored;
  try {
    stored = await blobs.put('agreements', file.stream, {
      maxBytes: AGREEMENT_MAX_BYTES,
      inspect: (chunk) => { if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8)]); },
    });
  } catch (err) {
    if (err instanceof SizeLimitError) throw new AppError('payload_too_large', `"${file.filename}" is larger than the 20 MB limit for agreement documents`);
    throw err;
  }
  const refuse = async (code: 'validation' | 'unsupported_media_type', message: string) => {
    await blobs.delete(stored.key);
    throw new AppError(code, message, { fields: [{ path: 'file', message }] });
  };
  if (stored.size === 0) await refuse('validation', `"${file.filename}" is empty`);
  if (!head.subarray(0, 5).equals(Buffer.from('%PDF-'))) await refuse('unsupported_media_type', `"${file.filename}" is not a PDF: only signed agreements in PDF are accepted`);

  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(agreements)
      .set({ documentKey: stored.key, documentName: file.filename, documentSize: stored.size, documentSha256: stored.sha256, updatedAt: sql`now()` })
      .where(and(eq(agreements.id, id), eq(agreements.status, 'draft')))
      .returning();
    if (!updated) return undefined;
    await recordAuditEvent(tx, actor, meta, {
      action: 'agreement.document_attached', entityType: 'agreement', entityId: id, details: { size: stored.size, sha256: stored.sha256 },
    });
    return updated;
  });
  // (Should the transaction fail, the new file stays until the retention sweep finds that no
  // agreement names it: a failed COMMIT may still have committed.)
  if (!row) {
    await blobs.delete(stored.key);
    throw new AppError('conflict', 'The agreement changed while uploading; reload and try again');
  }
  // The file replaced goes once the agreement names the new one: not before the commit.
  if (agreement.documentKey) await blobs.delete(agreement.documentKey);
  return row;
}

export function transitionAgreement(db: Db, actor: Actor, meta: RequestMeta, id: string, action: string, reason?: string) {
  return performTransition(db, agreementBinding, { id, action: action as AgreementAction, actor, meta, reason });
}
