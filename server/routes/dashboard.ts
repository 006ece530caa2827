import type { Router } from 'express';
import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { agreements, partners, releases } from '../../db/schema';
import { freshnessSql } from '../../db/queries/partners';
import { isPartnerUser } from '../auth/actor';
import type { AppContext } from '../context';
import { mountRoute } from '../http/route';
import { waitingForMe } from '../services/dashboard/waiting-for-me';

export function registerDashboardRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/dashboard', permission: 'dashboard.read', tag: 'dashboard',
    summary: 'What waits for me, partners by state, agreements expiring, contributions overdue',
    async handler({ actor }) {
      const waiting = await waitingForMe(ctx.db, actor);
      if (isPartnerUser(actor)) {
        const [own] = await ctx.db.select({ id: partners.id, name: partners.name, status: partners.status, freshness: freshnessSql })
          .from(partners).where(eq(partners.id, actor.partnerId!));
        return { waitingForMe: waiting, partner: own };
      }
      const today = new Date().toISOString().slice(0, 10);
      const in60 = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
      const [byState, expiring, overdue, nextRelease] = await Promise.all([
        ctx.db.select({ status: partners.status, n: count() }).from(partners).groupBy(partners.status),
        ctx.db
          .select({ agreementId: agreements.id, partnerId: partners.id, partnerName: partners.name, version: agreements.version, expiryDate: agreements.expiryDate,
            daysLeft: sql<number>`(${agreements.expiryDate} - current_date)` })
          .from(agreements).innerJoin(partners, eq(partners.id, agreements.partnerId))
          .where(and(eq(agreements.status, 'signed'), gte(agreements.expiryDate, today), lte(agreements.expiryDate, in60)))
          .orderBy(asc(agreements.expiryDate)),
        ctx.db.select({ id: partners.id, name: partners.name, cadence: partners.cadence, lastContributionAt: partners.lastContributionAt, freshness: freshnessSql })
          .from(partners).where(and(eq(partners.status, 'active'), inArray(freshnessSql, ['due', 'overdue', 'delinquent']))),
        ctx.db.select({ id: releases.id, version: releases.version, title: releases.title, status: releases.status }).from(releases)
          .where(inArray(releases.status, ['draft', 'anonymizing', 'in_review', 'approved', 'publishing'])).orderBy(desc(releases.createdAt)).limit(1),
      ]);
      return {
        waitingForMe: waiting,
        partnersByState: Object.fromEntries(byState.map((r) => [r.status, r.n])),
        agreementsExpiring: expiring,
        contributionsDue: overdue,
        nextRelease: nextRelease[0] ?? null,
      };
    },
  });
}
