import type { Router } from 'express';
import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { mappingVersions } from '../../db/schema';
import type { AppContext } from '../context';
import { notFound } from '../errors/app-error';
import { requestMeta } from '../http/authenticate';
import { mountRoute } from '../http/route';
import { diffMappings } from '../services/mappings/diff-mapping';
import { addMappingComment, createMappingDraft, mappingDetail, suggestionsFor, updateMappingDraft } from '../services/mappings/manage-mappings';
import { transitionMapping } from '../services/mappings/mapping-workflow';
import { mappingCoverage } from '../services/mappings/mapping-coverage';

async function loadVersion(ctx: AppContext, id: string) {
  const [row] = await ctx.db.select().from(mappingVersions).where(eq(mappingVersions.id, id));
  if (!row) throw notFound('Mapping version');
  return row;
}

export function registerMappingRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/partners/:id/mapping-versions', permission: 'mappings.read', tag: 'mappings', summary: 'A partner\'s mapping versions, newest first',
    handler: ({ params }) => ctx.db.select().from(mappingVersions).where(eq(mappingVersions.partnerId, params.id)).orderBy(desc(mappingVersions.version)),
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/mapping-versions', permission: 'mappings.read', tag: 'mappings', summary: 'Mapping versions; filter with ?status=in_review',
    query: z.object({ status: z.enum(['draft', 'in_review', 'changes_requested', 'approved', 'superseded']).optional() }).passthrough(),
    async handler({ res, query }) {
      const rows = await ctx.db.select().from(mappingVersions).where(query.status ? eq(mappingVersions.status, query.status) : undefined).orderBy(desc(mappingVersions.updatedAt)).limit(200);
      res.setHeader('Content-Range', `mapping-versions 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
      return rows;
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/mapping-versions/:id', permission: 'mappings.read', tag: 'mappings',
    summary: 'A mapping version with the source columns it maps, its problems, warnings and comments',
    handler: async ({ params }) => mappingDetail(ctx.db, await loadVersion(ctx, params.id)),
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/mapping-versions/:id/diff', permission: 'mappings.read', tag: 'mappings',
    summary: 'What this version changes against the partner\'s previous approved version',
    async handler({ params }) {
      const row = await loadVersion(ctx, params.id);
      const [previous] = await ctx.db.select().from(mappingVersions)
        .where(and(eq(mappingVersions.partnerId, row.partnerId), lt(mappingVersions.version, row.version), eq(mappingVersions.status, row.status === 'approved' ? 'superseded' : 'approved')))
        .orderBy(desc(mappingVersions.version)).limit(1);
      return { against: previous ? { id: previous.id, version: previous.version } : null, ...diffMappings(previous?.spec ?? null, row.spec) };
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/mapping-versions/:id/coverage', permission: 'mappings.read', tag: 'mappings',
    summary: 'Variables mapped, distinct values mapped, records covered, unmapped values most frequent first',
    handler: async ({ params }) => mappingCoverage(ctx.db, await loadVersion(ctx, params.id)),
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/submissions/:id/suggestions', permission: 'mappings.write', tag: 'mappings',
    summary: 'Suggested field and value mappings for a profiled submission, each with score and source',
    query: z.object({ partnerId: z.string().uuid() }).passthrough(),
    handler: ({ params, query }) => suggestionsFor(ctx.db, params.id, query.partnerId),
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/partners/:id/mapping-versions', permission: 'mappings.write', tag: 'mappings', status: 201,
    summary: 'Start a new draft version from the suggestions for a submission, or as a copy of the approved version',
    body: z.object({ basedOnSubmissionId: z.string().uuid(), start: z.enum(['suggestions', 'approved']).default('suggestions') }).strict(),
    handler: ({ req, actor, body, params }) => createMappingDraft(ctx.db, actor, requestMeta(req), params.id, body),
  });

  mountRoute(router, ctx, {
    method: 'put', path: '/mapping-versions/:id', permission: 'mappings.write', tag: 'mappings', summary: 'Edit a draft version\'s rules',
    body: z.object({ spec: z.unknown() }).strict(),
    async handler({ req, actor, body, params }) {
      const row = await updateMappingDraft(ctx.db, actor, requestMeta(req), params.id, body.spec);
      return mappingDetail(ctx.db, row);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/mapping-versions/:id/actions/:action', permission: 'mappings.transition', tag: 'mappings',
    summary: 'submit for review; approve or request_changes (another steward); revise', body: z.object({ reason: z.string().trim().max(4000).optional() }).strict(),
    async handler({ req, actor, body, params }) {
      await transitionMapping(ctx.db, actor, requestMeta(req), params.id, params.action, body.reason);
      return mappingDetail(ctx.db, await loadVersion(ctx, params.id));
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/mapping-versions/:id/comments', permission: 'mappings.write', tag: 'mappings', status: 201,
    summary: 'Comment on a version, or on one of its rules', body: z.object({ variable: z.string().nullable().optional(), body: z.string().trim().min(1).max(4000) }).strict(),
    handler: ({ req, actor, body, params }) => addMappingComment(ctx.db, actor, requestMeta(req), params.id, body),
  });
}
