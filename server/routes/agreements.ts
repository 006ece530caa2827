import type { Router } from 'express';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { agreements } from '../../db/schema';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors/app-error';
import { requestMeta } from '../http/authenticate';
import { mountRoute } from '../http/route';
import { receiveFile } from '../http/upload';
import { sendStream } from '../http/send-stream';
import { attachAgreementDocument, createAgreement, transitionAgreement, updateDraftAgreement } from '../services/partners/agreements';
import { agreementBody } from '../services/partners/partner-schemas';

/** The blob key stays internal; clients see whether a document is on file. */
export function agreementView(a: typeof agreements.$inferSelect) {
  const { documentKey, ...rest } = a;
  return { ...rest, hasDocument: documentKey !== null };
}

export function registerAgreementRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/partners/:id/agreements', permission: 'agreements.read', tag: 'agreements', summary: 'A partner\'s agreements, newest version first',
    async handler({ params }) {
      const rows = await ctx.db.select().from(agreements).where(eq(agreements.partnerId, params.id)).orderBy(sql`${agreements.version} desc`);
      return rows.map(agreementView);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/agreements/:id', permission: 'agreements.read', tag: 'agreements', summary: 'One agreement',
    async handler({ params }) {
      const [row] = await ctx.db.select().from(agreements).where(eq(agreements.id, params.id));
      if (!row) throw notFound('Agreement');
      return agreementView(row);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/partners/:id/agreements', permission: 'partners.manage', tag: 'agreements', status: 201,
    summary: 'Record a new agreement version (draft)', body: agreementBody,
    handler: async ({ req, actor, body, params }) => agreementView(await createAgreement(ctx.db, actor, requestMeta(req), params.id, body)),
  });

  mountRoute(router, ctx, {
    method: 'put', path: '/agreements/:id', permission: 'partners.manage', tag: 'agreements', summary: 'Edit a draft agreement',
    body: z.object({
      signedDate: z.string().date().nullable().optional(), effectiveDate: z.string().date().optional(), expiryDate: z.string().date().optional(),
      scopeGroups: z.array(z.string()).optional(), attribution: z.string().trim().min(3).max(2000).optional(),
    }).strict(),
    handler: async ({ req, actor, body, params }) => agreementView(await updateDraftAgreement(ctx.db, actor, requestMeta(req), params.id, body)),
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/agreements/:id/document', permission: 'partners.manage', tag: 'agreements',
    summary: 'Upload the signed PDF (multipart field "file"; PDF only, 20 MB at most); stored encrypted',
    handler: async ({ req, actor, params }) =>
      agreementView(await receiveFile(req, (file) => attachAgreementDocument(ctx.db, ctx.blobs, actor, requestMeta(req), params.id, file))),
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/agreements/:id/actions/:action', permission: 'partners.manage', tag: 'agreements',
    summary: 'sign or terminate an agreement', body: z.object({ reason: z.string().trim().max(2000).optional() }).strict(),
    async handler({ req, actor, body, params }) {
      if (params.action === 'expire') throw new AppError('forbidden', 'Agreements expire on their own, by the daily schedule');
      const result = await transitionAgreement(ctx.db, actor, requestMeta(req), params.id, params.action, body.reason);
      return agreementView(result.row);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/agreements/:id/document', permission: 'agreements.document', tag: 'agreements', raw: true,
    summary: 'Download the signed PDF (staff only); checked against its recorded SHA-256',
    async handler({ res, params }) {
      const [row] = await ctx.db.select().from(agreements).where(eq(agreements.id, params.id));
      if (!row?.documentKey) throw notFound('Agreement document');
      // Verify before sending: a tampered file is refused, never served.
      if ((await ctx.blobs.sha256(row.documentKey)) !== row.documentSha256) throw new AppError('internal', 'The stored document does not match its checksum; it was not served');
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="agreement-v${row.version}.pdf"`);
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      await sendStream(res, ctx.blobs.open(row.documentKey));
    },
  });
}
