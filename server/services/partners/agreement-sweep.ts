import { and, eq, gte, lt, lte, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { agreements, partners } from '../../../db/schema';
import { SYSTEM_ACTOR } from '../../auth/actor';
import { AppError } from '../../errors/app-error';
import { activeUsersWithRole, notify } from '../notifications/notify';
import type { notifications } from '../../../db/schema';
import { transitionAgreement } from './agreements';
import { agreementInForce, transitionPartner } from './partner-workflow';

const WARN_DAYS = [30, 60] as const;
const meta = { requestId: 'schedule:agreement-sweep' };

type Created = (typeof notifications.$inferSelect)[];

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

async function liaisonsOf(db: Db, liaisonId: string | null): Promise<string[]> {
  return liaisonId ? [liaisonId] : activeUsersWithRole(db, 'partner_liaison');
}

/** Lost races (someone acted first) are fine for a sweep: the next run sees the new state. */
async function ignoreConflict<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'conflict' || err.code === 'guard_failed')) return null;
    throw err;
  }
}

/**
 * The daily agreement sweep. Idempotent: warnings are deduplicated per agreement and threshold,
 * an expired agreement is expired once, and a partner is suspended only while still active.
 */
export async function sweepAgreements(db: Db, asOf: string) {
  const created: Created = [];
  const horizon = new Date(Date.parse(asOf) + 60 * 86_400_000).toISOString().slice(0, 10);

  const expiringSoon = await db
    .select({ a: agreements, p: partners })
    .from(agreements).innerJoin(partners, eq(partners.id, agreements.partnerId))
    .where(and(eq(agreements.status, 'signed'), gte(agreements.expiryDate, asOf), lte(agreements.expiryDate, horizon), ne(partners.status, 'offboarded')));
  for (const { a, p } of expiringSoon) {
    const left = daysBetween(asOf, a.expiryDate);
    const threshold = WARN_DAYS.find((d) => left <= d)!;
    created.push(...(await notify(db, await liaisonsOf(db, p.liaisonId), {
      kind: 'agreement_expiring',
      title: `Agreement with ${p.shortCode} expires in ${left} days`,
      body: `Data-sharing agreement v${a.version} with ${p.name} expires on ${a.expiryDate}. Renew it to keep the partner active.`,
      entityType: 'partner', entityId: p.id, dedupeKey: `agreement-expiry-${threshold}:${a.id}`,
    })));
  }

  const expired = await db.select().from(agreements).where(and(eq(agreements.status, 'signed'), lt(agreements.expiryDate, asOf)));
  for (const a of expired) await ignoreConflict(transitionAgreement(db, SYSTEM_ACTOR, meta, a.id, 'expire'));

  // Every active partner without an agreement in force is suspended, whatever the reason it lapsed.
  const active = await db.select().from(partners).where(eq(partners.status, 'active'));
  let suspended = 0;
  for (const p of active) {
    if (await agreementInForce(db, p.id, asOf)) continue;
    const done = await ignoreConflict(transitionPartner(db, SYSTEM_ACTOR, meta, p.id, 'suspend', {
      reason: 'No data-sharing agreement in force: the agreement expired',
    }));
    if (!done) continue;
    suspended++;
    created.push(...(await notify(db, await liaisonsOf(db, p.liaisonId), {
      kind: 'partner_suspended',
      title: `${p.shortCode} was suspended`,
      body: `${p.name} was suspended automatically because its data-sharing agreement is no longer in force. It cannot submit data until reactivated.`,
      entityType: 'partner', entityId: p.id, dedupeKey: `partner-suspended:${p.id}:${done.auditEventId}`,
    })));
  }
  return { warnings: created.filter((n) => n.kind === 'agreement_expiring').length, agreementsExpired: expired.length, partnersSuspended: suspended, created };
}
