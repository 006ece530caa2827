import type { Router } from 'express';
import { count, eq, sql } from 'drizzle-orm';
import { partners, users } from '../../db/schema';
import { partnerConditions, partnerDetail, partnerListColumns, partnerStateCounts, type PartnerFilter } from '../../db/queries/partners';
import type { AppContext } from '../context';
import { notFound } from '../errors/app-error';
import { requestMeta } from '../http/authenticate';
import { listQuery, parseList, sendList } from '../http/list-query';
import { mountRoute } from '../http/route';
import { orderBy } from '../http/sorting';
import { assertPartnerAccess, partnerScope } from '../services/partners/access';
import { addContact, removeContact, updateContact } from '../services/partners/contacts';
import { invitePartnerUser } from '../services/partners/invite-partner-user';
import { createPartner, updatePartner } from '../services/partners/manage-partners';
import { contactBody, createPartnerBody, inviteBody, partnerActionBody, updatePartnerBody } from '../services/partners/partner-schemas';
import { transitionPartner } from '../services/partners/partner-workflow';
import { userView } from '../services/users/user-view';
import { agreementView } from './agreements';

export function registerPartnerRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/partners', permission: 'partners.read', tag: 'partners', query: listQuery,
    summary: 'Partners; filter by status, type, country, freshness, q. A partner user sees only its own.',
    async handler({ res, actor, query }) {
      const p = parseList(query);
      const f = { ...(p.filter as PartnerFilter), onlyId: partnerScope(actor) };
      const cond = partnerConditions(f);
      const [rows, [{ total }]] = await Promise.all([
        ctx.db.select(partnerListColumns).from(partners).where(cond)
          .orderBy(orderBy(p, { name: partners.name, shortCode: partners.shortCode, status: partners.status, createdAt: partners.createdAt, lastContributionAt: partners.lastContributionAt }, sql`${partners.name} asc`))
          .limit(p.limit).offset(p.offset),
        ctx.db.select({ total: count() }).from(partners).where(cond),
      ]);
      return sendList(res, 'partners', p, rows, total);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/partners/state-counts', permission: 'partners.read', tag: 'partners', query: listQuery,
    summary: 'How many partners are in each onboarding state (for the list tabs), under the same filters',
    async handler({ actor, query }) {
      const { status: _ignored, ...f } = parseList(query).filter as PartnerFilter;
      return partnerStateCounts(ctx.db, { ...f, onlyId: partnerScope(actor) });
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/partners/:id', permission: 'partners.read', tag: 'partners', summary: 'A partner with its contacts and agreements',
    async handler({ actor, params }) {
      assertPartnerAccess(actor, params.id);
      const detail = await partnerDetail(ctx.db, params.id);
      if (!detail) throw notFound('Partner');
      return { ...detail, agreements: detail.agreements.map(agreementView) };
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/partners', permission: 'partners.manage', tag: 'partners', summary: 'Create a partner (as a prospect)', body: createPartnerBody, status: 201,
    handler: ({ req, actor, body }) => createPartner(ctx.db, actor, requestMeta(req), body),
  });

  mountRoute(router, ctx, {
    method: 'put', path: '/partners/:id', permission: 'partners.manage', tag: 'partners', summary: 'Edit a partner\'s profile', body: updatePartnerBody,
    handler: ({ req, actor, body, params }) => updatePartner(ctx.db, actor, requestMeta(req), params.id, body),
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/partners/:id/actions/:action', permission: 'partners.transition', tag: 'partners', body: partnerActionBody,
    summary: 'Onboarding actions: engage, request_agreement, activate, suspend, reactivate, offboard',
    async handler({ req, actor, body, params }) {
      await transitionPartner(ctx.db, actor, requestMeta(req), params.id, params.action, body);
      const detail = await partnerDetail(ctx.db, params.id);
      return { ...detail!, agreements: detail!.agreements.map(agreementView) };
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/partners/:id/contacts', permission: 'partners.manage', tag: 'partners', summary: 'Add a contact', body: contactBody, status: 201,
    handler: ({ req, actor, body, params }) => addContact(ctx.db, actor, requestMeta(req), params.id, body),
  });

  mountRoute(router, ctx, {
    method: 'put', path: '/partner-contacts/:id', permission: 'partners.manage', tag: 'partners', summary: 'Edit a contact (making it primary demotes the other)', body: contactBody.partial(),
    handler: ({ req, actor, body, params }) => updateContact(ctx.db, actor, requestMeta(req), params.id, body),
  });

  mountRoute(router, ctx, {
    method: 'delete', path: '/partner-contacts/:id', permission: 'partners.manage', tag: 'partners', summary: 'Remove a contact',
    handler: ({ req, actor, params }) => removeContact(ctx.db, actor, requestMeta(req), params.id),
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/partners/:id/users', permission: 'partners.manage', tag: 'partners', summary: 'The partner\'s own user accounts',
    async handler({ params }) {
      const rows = await ctx.db.select().from(users).where(eq(users.partnerId, params.id)).orderBy(users.name);
      return rows.map(userView);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/partners/:id/users', permission: 'partners.manage', tag: 'partners', body: inviteBody, status: 201,
    summary: 'Invite a person of the partner: creates a partner_user account and returns a one-time password',
    handler: ({ req, actor, body, params }) => invitePartnerUser(ctx.db, actor, requestMeta(req), params.id, body),
  });
}
