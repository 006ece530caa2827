import type { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { requestMeta } from '../http/authenticate';
import { listQuery, parseList, sendList } from '../http/list-query';
import { mountRoute } from '../http/route';
import { decideRun, overrideDifferencing } from '../services/anonymization/decide-run';
import { createPolicy, createPolicyVersion, ensureDefaultPolicy, getPolicy, listPolicies } from '../services/anonymization/manage-policies';
import { exportHierarchyCsv, importHierarchyCsv, previewPolicyHierarchies } from '../services/anonymization/policy-hierarchies';
import { listRuns, runDetail } from '../services/anonymization/run-views';

const policyName = z.string().trim().min(1).max(100).regex(/^[\p{L}\p{N} ._-]+$/u, 'letters, digits, spaces, ".", "_" and "-" only');
const description = z.string().trim().max(2000).nullable().optional();

export function registerAnonymizationRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/policies', permission: 'policies.read', tag: 'anonymization', query: listQuery,
    summary: 'Disclosure-control policies (every version; filter name, latest=true), without their hierarchies',
    async handler({ req, res, query }) {
      // The default is always there to choose, even before anyone opened it.
      await ensureDefaultPolicy(ctx.db, requestMeta(req));
      const p = parseList(query);
      const { rows, total } = await listPolicies(ctx.db, p);
      return sendList(res, 'policies', p, rows, total);
    },
  });

  // Declared before /policies/:id so that "default" is not taken for an id.
  mountRoute(router, ctx, {
    method: 'get', path: '/policies/default', permission: 'policies.read', tag: 'anonymization',
    summary: 'The newest version of the "default" policy (privacy.md defaults), created as v1 on first use',
    handler: ({ req }) => ensureDefaultPolicy(ctx.db, requestMeta(req)),
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/policies/:id', permission: 'policies.read', tag: 'anonymization', summary: 'One policy version, hierarchies included',
    handler: ({ params }) => getPolicy(ctx.db, params.id),
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/policies', permission: 'policies.write', tag: 'anonymization', status: 201,
    summary: 'Create a policy (version 1): QIs, hierarchies, k, suppression limit, optional l-diversity',
    body: z.object({ name: policyName, description, policy: z.unknown() }).strict(),
    handler: ({ req, actor, body }) => createPolicy(ctx.db, actor, requestMeta(req), body),
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/policies/:id/versions', permission: 'policies.write', tag: 'anonymization', status: 201,
    summary: 'Edit a policy: saves its next version; saved versions never change',
    body: z.object({ description, policy: z.unknown() }).strict(),
    handler: ({ req, actor, body, params }) => createPolicyVersion(ctx.db, actor, requestMeta(req), params.id, body),
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/policies/:id/preview', permission: 'policies.read', tag: 'anonymization',
    summary: 'Per quasi-identifier, each generalization level with its distinct labels (?qi= for one)',
    query: z.object({ qi: z.string().optional() }).passthrough(),
    handler: ({ params, query }) => previewPolicyHierarchies(ctx.db, params.id, query.qi),
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/policies/:id/hierarchies/:qi', permission: 'policies.read', tag: 'anonymization', raw: true,
    summary: 'One hierarchy as an ARX hierarchy CSV (";"-separated, one line per value)',
    async handler({ res, params }) {
      const { filename, csv } = await exportHierarchyCsv(ctx.db, params.id, params.qi);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${filename.replace(/[^\w.-]+/g, '_')}"`);
      res.status(200).send(csv);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/policies/:id/hierarchies/:qi', permission: 'policies.write', tag: 'anonymization', status: 201,
    summary: 'Import one hierarchy from an ARX CSV ({ csv }): saved as the policy\'s next version',
    body: z.object({ csv: z.string().min(1, 'the CSV is empty').max(512 * 1024) }).strict(),
    handler: ({ req, actor, body, params }) => importHierarchyCsv(ctx.db, actor, requestMeta(req), params.id, params.qi, body.csv),
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/anonymization-runs', permission: 'runs.read', tag: 'anonymization',
    summary: 'Anonymization runs, newest first; filter releaseId, status',
    query: listQuery.extend({ releaseId: z.string().uuid().optional() }),
    async handler({ res, query }) {
      const p = parseList(query);
      const { rows, total } = await listRuns(ctx.db, p, query.releaseId);
      return sendList(res, 'anonymization-runs', p, rows, total);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/anonymization-runs/:id', permission: 'runs.read', tag: 'anonymization',
    summary: 'A run: state, job progress, policy used, measures, differencing, and the previous published release\'s figures',
    handler: ({ actor, params }) => runDetail(ctx.db, actor, params.id),
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/anonymization-runs/:id/actions/:action', permission: 'runs.decide', tag: 'anonymization',
    summary: 'approve (the release goes to review) or reject with a reason (the release returns to draft); not by whoever started the run',
    body: z.object({ reason: z.string().trim().max(4000).optional() }).strict(),
    async handler({ req, actor, body, params }) {
      await decideRun(ctx.db, actor, requestMeta(req), params.id, params.action, body.reason);
      return runDetail(ctx.db, actor, params.id);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/anonymization-runs/:id/differencing-override', permission: 'runs.decide', tag: 'anonymization',
    summary: 'Accept the run\'s differencing exposure with a reason, so the release can be approved',
    body: z.object({ reason: z.string().trim().min(1, 'Say why the exposure is acceptable').max(4000) }).strict(),
    async handler({ req, actor, body, params }) {
      await overrideDifferencing(ctx.db, actor, requestMeta(req), params.id, body.reason);
      return runDetail(ctx.db, actor, params.id);
    },
  });
}
