import { and, eq, inArray } from 'drizzle-orm';
import { buildContext } from '../../server/build-context';
import type { Config } from '../../server/config';
import type { Actor } from '../../server/auth/actor';
import { generatePartnerFile, type PartnerProfileName } from '../../server/domain/synthetic';
import { logger } from '../../server/logger';
import { decideRun } from '../../server/services/anonymization/decide-run';
import { ensureDefaultPolicy } from '../../server/services/anonymization/manage-policies';
import { createMappingDraft } from '../../server/services/mappings/manage-mappings';
import { transitionMapping } from '../../server/services/mappings/mapping-workflow';
import { composeRelease } from '../../server/services/releases/compose-release';
import { actOnRelease, signOffRelease } from '../../server/services/releases/release-actions';
import { receiveSubmission } from '../../server/services/submissions/receive-submission';
import { actOnSubmission } from '../../server/services/submissions/submission-actions';
import { HANDLERS } from '../../workers/jobs';
import { redisConnection } from '../../workers/queues/connection';
import { startWorkerPool } from '../../workers/worker-pool';
import { anonymizationRuns, partners, releases, submissions, users } from '../schema';
import type { Db } from '../client';

const DELIVERIES: { partner: string; profile: PartnerProfileName; rows: number; seed: number; by: 'partner' | 'steward' }[] = [
  { partner: 'GCMS', profile: 'htcds', rows: 4000, seed: 101, by: 'partner' },
  { partner: 'NHL-US', profile: 'hotline', rows: 4000, seed: 102, by: 'steward' },
  { partner: 'RAF', profile: 'shelter_fr', rows: 2500, seed: 103, by: 'steward' },
];

const meta = { requestId: 'demo-seed' };

async function until<T>(what: string, fn: () => Promise<T | null | undefined>, timeoutMs = 180_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`demo seed: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function actor(db: Db, email: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return { id: u.id, name: u.name, roles: u.roles, partnerId: u.partnerId };
}

/**
 * The demo's data, made the way users make it: partner files uploaded, profiled, mapped from
 * suggestions and approved by a second steward, harmonized; then a release anonymized under the
 * default policy, approved, signed off and published, and a second release left in review.
 */
export async function seedDemoPipeline(cfg: Config): Promise<void> {
  const built = buildContext(cfg);
  const { ctx } = built;
  const connection = redisConnection(cfg.REDIS_URL, 'worker');
  const pool = await startWorkerPool({
    connection, prefix: cfg.QUEUE_PREFIX, handlers: HANDLERS, concurrency: 2,
    deps: { db: ctx.db, pool: built.database.pool, cfg, blobs: ctx.blobs, jobs: ctx.jobs, log: logger },
  });
  try {
    const db = ctx.db;
    const [steward, reviewer, manager, manager2, privacy, privacy2, partnerUser] = await Promise.all(
      ['steward', 'steward2', 'release', 'release2', 'privacy', 'privacy2', 'partner'].map((n) => actor(db, `${n}@demo.ctdc.org`)),
    );
    const harmonized: string[] = [];
    for (const d of DELIVERIES) {
      const [p] = await db.select().from(partners).where(eq(partners.shortCode, d.partner));
      const uploader = d.by === 'partner' ? partnerUser : steward;
      const stream = generatePartnerFile({ profile: d.profile, rows: d.rows, seed: d.seed });
      const sub = await receiveSubmission(ctx, uploader, meta, p.id, { filename: `${d.partner.toLowerCase()}-${d.profile}-2025.csv`, mimeType: 'text/csv', stream });
      await until(`${d.partner} profiling`, async () => (await db.select().from(submissions).where(and(eq(submissions.id, sub.id), eq(submissions.status, 'profiled'))))[0]);
      const draft = await createMappingDraft(db, steward, meta, p.id, { basedOnSubmissionId: sub.id, start: 'suggestions' });
      await transitionMapping(db, steward, meta, draft.id, 'submit');
      await transitionMapping(db, reviewer, meta, draft.id, 'approve');
      await actOnSubmission(ctx, reviewer, meta, sub.id, 'harmonize');
      await until(`${d.partner} harmonization`, async () => (await db.select().from(submissions).where(and(eq(submissions.id, sub.id), eq(submissions.status, 'harmonized'))))[0]);
      harmonized.push(sub.id);
      console.log(`[ctdc]   ${d.partner}: ${d.rows} rows harmonized`);
    }

    const policy = await ensureDefaultPolicy(db, meta);
    const anonymizeAndApprove = async (version: string, title: string) => {
      const release = await composeRelease(db, manager, meta, { version, title, description: 'Demo release built from the demo partners\' synthetic data.', standardId: 'ctdc-k-v7', submissionIds: harmonized });
      const { runId } = (await actOnRelease(ctx, manager, meta, release.id, 'start_anonymization', { policyId: policy.id })) as { runId: string };
      await until(`release ${version} anonymization`, async () => (await db.select().from(anonymizationRuns).where(and(eq(anonymizationRuns.id, runId), inArray(anonymizationRuns.status, ['completed', 'failed']))))[0]);
      await decideRun(db, privacy, meta, runId, 'approve');
      return release;
    };
    const first = await anonymizeAndApprove('2025.2', 'CTDC demo dataset, second half of 2025');
    await signOffRelease(ctx, privacy2, meta, first.id, { role: 'privacy_officer', comment: 'k = 11 holds; suppression within the limit.' });
    await signOffRelease(ctx, manager2, meta, first.id, { role: 'release_manager', comment: 'Composition and figures checked.' });
    await actOnRelease(ctx, manager2, meta, first.id, 'publish', {});
    await until('publication', async () => (await db.select().from(releases).where(and(eq(releases.id, first.id), eq(releases.status, 'published'))))[0], 300_000);
    console.log('[ctdc]   release 2025.2 published with its artifacts');
    await anonymizeAndApprove('2026.1', 'CTDC demo dataset, first half of 2026');
    console.log('[ctdc]   release 2026.1 is in review, waiting for sign-offs');
  } finally {
    await pool.close();
    connection.disconnect();
    await built.close();
  }
}
