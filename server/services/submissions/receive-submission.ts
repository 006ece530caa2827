import { and, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { partners, submissions } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { AppError, notFound } from '../../errors/app-error';
import type { IncomingFile } from '../../http/upload';
import { SizeLimitError } from '../../storage/blob-store';
import { assertPartnerAccess } from '../partners/access';

const ACCEPTED = /\.(csv|tsv|txt|xlsx)$/i;

function humanBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${Math.round(n / 1024 ** 2)} MB`;
}

/**
 * Receives one partner file: streamed straight into encrypted storage (never buffered, never
 * logged), measured and hashed on the way, then recorded as `received` and queued for profiling.
 */
export async function receiveSubmission(ctx: AppContext, actor: Actor, meta: RequestMeta, partnerId: string, file: IncomingFile) {
  assertPartnerAccess(actor, partnerId);
  const [partner] = await ctx.db.select().from(partners).where(eq(partners.id, partnerId));
  if (!partner) throw notFound('Partner');
  if (partner.status !== 'active') {
    throw new AppError('conflict', `${partner.name} is ${partner.status.replace('_', ' ')}: only an active partner can submit data`);
  }
  if (!ACCEPTED.test(file.filename)) {
    throw new AppError('unsupported_media_type', `"${file.filename}" is not a CSV, TSV or XLSX file`, { fields: [{ path: 'file', message: 'Use .csv, .tsv or .xlsx' }] });
  }
  let stored;
  try {
    stored = await ctx.blobs.put(`submissions/${partnerId}`, file.stream, { maxBytes: ctx.cfg.UPLOAD_MAX_BYTES });
  } catch (err) {
    if (err instanceof SizeLimitError) {
      throw new AppError('payload_too_large', `"${file.filename}" is larger than the ${humanBytes(ctx.cfg.UPLOAD_MAX_BYTES)} limit`);
    }
    throw err;
  }
  if (stored.size === 0) {
    await ctx.blobs.delete(stored.key);
    throw new AppError('validation', `"${file.filename}" is empty: there is nothing to import`, { fields: [{ path: 'file', message: 'Empty file' }] });
  }
  // Should recording it fail, the stored file is not removed here: a failed COMMIT may still have
  // committed. The retention sweep removes it later if no submission names it (removeLeftoverBlobs).
  const submission = await ctx.db.transaction(async (tx) => {
    const [earlier] = await tx
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.partnerId, partnerId), eq(submissions.sha256, stored.sha256), ne(submissions.status, 'rejected')))
      .limit(1);
    const [row] = await tx
      .insert(submissions)
      .values({
        partnerId, originalName: file.filename.slice(0, 255), size: stored.size, sha256: stored.sha256, blobKey: stored.key,
        duplicateOf: earlier?.id ?? null, uploadedBy: actor.id, format: /\.xlsx$/i.test(file.filename) ? 'xlsx' : null,
      })
      .returning();
    await recordAuditEvent(tx, actor, meta, {
      action: 'submission.received', entityType: 'submission', entityId: row.id, toState: 'received',
      details: { partnerId, size: row.size, sha256: row.sha256, duplicateOf: row.duplicateOf },
    });
    return row;
  });
  await ctx.jobs.enqueue('submissions.profile', { submissionId: submission.id }, {
    jobId: `profile-${submission.id}`, entity: { type: 'submission', id: submission.id }, requestedBy: actor.id,
  });
  return submission;
}
