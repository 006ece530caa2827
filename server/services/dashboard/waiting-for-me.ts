import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { mappingVersions, partners, releases, releaseSignoffs, submissions } from '../../../db/schema';
import type { Actor } from '../../auth/actor';
import { hasRole } from '../../auth/actor';
import { runsWaitingForDecision } from '../anonymization/runs-waiting';
import type { WaitingItem } from './waiting-item';

type Provider = (db: Db, actor: Actor) => Promise<WaitingItem[]>;

/** Partners the liaison must move forward: agreements to activate, suspensions to resolve. */
const partnerFollowUps: Provider = async (db, actor) => {
  if (!hasRole(actor, 'partner_liaison')) return [];
  const rows = await db
    .select({ id: partners.id, name: partners.name, status: partners.status })
    .from(partners)
    .where(and(inArray(partners.status, ['agreement_pending', 'suspended']), or(eq(partners.liaisonId, actor.id!), isNull(partners.liaisonId))));
  return rows.map((p) => ({
    kind: p.status === 'suspended' ? 'partner_suspended' : 'partner_to_activate',
    title: p.name, entityType: 'partner', entityId: p.id, state: p.status,
  }));
};

/** Stewards: mapping versions others submitted for review, and submissions waiting for a decision. */
const stewardWork: Provider = async (db, actor) => {
  if (!hasRole(actor, 'data_steward')) return [];
  const [reviews, files] = await Promise.all([
    db.select({ id: mappingVersions.id, version: mappingVersions.version, partner: partners.name })
      .from(mappingVersions).innerJoin(partners, eq(partners.id, mappingVersions.partnerId))
      .where(and(eq(mappingVersions.status, 'in_review'), or(isNull(mappingVersions.submittedBy), ne(mappingVersions.submittedBy, actor.id!)),
        or(isNull(mappingVersions.authorId), ne(mappingVersions.authorId, actor.id!)))),
    db.select({ id: submissions.id, name: submissions.originalName, status: submissions.status, partner: partners.name })
      .from(submissions).innerJoin(partners, eq(partners.id, submissions.partnerId))
      .where(inArray(submissions.status, ['profiled', 'failed'])),
  ]);
  return [
    ...reviews.map((r) => ({ kind: 'mapping_review', title: `${r.partner}: mapping v${r.version}`, entityType: 'mapping_version', entityId: r.id, state: 'in_review' })),
    ...files.map((f) => ({ kind: f.status === 'failed' ? 'submission_failed' : 'submission_to_harmonize', title: `${f.partner}: ${f.name}`, entityType: 'submission', entityId: f.id, state: f.status })),
  ];
};

/** Sign-offs this person may give, and approved releases a release manager may publish. */
const releaseWork: Provider = async (db, actor) => {
  const signer = hasRole(actor, 'privacy_officer') || hasRole(actor, 'release_manager');
  if (!signer) return [];
  const candidates = await db.select().from(releases).where(inArray(releases.status, ['in_review', 'approved']));
  const items: WaitingItem[] = [];
  for (const r of candidates) {
    if (r.status === 'approved') {
      if (hasRole(actor, 'release_manager')) items.push({ kind: 'release_to_publish', title: `Release ${r.version}`, entityType: 'release', entityId: r.id, state: r.status });
      continue;
    }
    if (r.composedBy === actor.id) continue;
    const signed = await db.select({ role: releaseSignoffs.role, userId: releaseSignoffs.userId }).from(releaseSignoffs)
      .where(and(eq(releaseSignoffs.releaseId, r.id), eq(releaseSignoffs.round, r.signoffRound), eq(releaseSignoffs.decision, 'approve')));
    if (signed.some((s) => s.userId === actor.id)) continue;
    const open = (['privacy_officer', 'release_manager'] as const).filter((role) => hasRole(actor, role) && !signed.some((s) => s.role === role));
    if (open.length) items.push({ kind: 'release_signoff', title: `Release ${r.version}: ${open.join(' / ').replace(/_/g, ' ')} sign-off`, entityType: 'release', entityId: r.id, state: r.status });
  }
  return items;
};

/** Each workflow adds its provider here: reviews, sign-offs, approvals waiting for this person. */
export const WAITING_PROVIDERS: Provider[] = [partnerFollowUps, stewardWork, releaseWork, runsWaitingForDecision];

export async function waitingForMe(db: Db, actor: Actor): Promise<WaitingItem[]> {
  const lists = await Promise.all(WAITING_PROVIDERS.map((p) => p(db, actor)));
  return lists.flat();
}
