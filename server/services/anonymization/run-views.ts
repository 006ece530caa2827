import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client';
import { anonymizationPolicies, anonymizationRuns, jobRuns, releases, users } from '../../../db/schema';
import type { Actor } from '../../auth/actor';
import { notFound } from '../../errors/app-error';
import type { ListParams } from '../../http/list-query';
import { orderBy } from '../../http/sorting';
import { availableTransitions } from '../../workflow/types';
import { anonymizationRun } from '../../workflow/tables/anonymization-run';
import { previousPublishedRelease } from './release-differencing';

const starter = alias(users, 'starter');
const decider = alias(users, 'decider');

const summaryColumns = {
  id: anonymizationRuns.id, releaseId: anonymizationRuns.releaseId, releaseVersion: releases.version, releaseStatus: releases.status,
  status: anonymizationRuns.status, policyId: anonymizationRuns.policyId, policyName: anonymizationPolicies.name, policyVersion: anonymizationPolicies.version,
  startedBy: anonymizationRuns.startedBy, startedByName: starter.name, decidedBy: anonymizationRuns.decidedBy, decidedByName: decider.name,
  decisionReason: anonymizationRuns.decisionReason, outputRows: anonymizationRuns.outputRows, failureReason: anonymizationRuns.failureReason,
  differencingOverrideReason: anonymizationRuns.differencingOverrideReason, createdAt: anonymizationRuns.createdAt, startedAt: anonymizationRuns.startedAt,
  completedAt: anonymizationRuns.completedAt, decidedAt: anonymizationRuns.decidedAt,
};

function runsQuery(db: Db) {
  return db.select(summaryColumns).from(anonymizationRuns)
    .innerJoin(releases, eq(releases.id, anonymizationRuns.releaseId))
    .innerJoin(anonymizationPolicies, eq(anonymizationPolicies.id, anonymizationRuns.policyId))
    .leftJoin(starter, eq(starter.id, anonymizationRuns.startedBy))
    .leftJoin(decider, eq(decider.id, anonymizationRuns.decidedBy));
}

export async function listRuns(db: Db, params: ListParams, releaseId?: string) {
  const f = params.filter as { releaseId?: string; status?: string };
  const where: SQL[] = [];
  const release = releaseId ?? f.releaseId;
  if (release) where.push(eq(anonymizationRuns.releaseId, release));
  if (f.status) where.push(eq(anonymizationRuns.status, f.status as typeof anonymizationRuns.$inferSelect.status));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    runsQuery(db).where(cond)
      .orderBy(orderBy(params, { createdAt: anonymizationRuns.createdAt, status: anonymizationRuns.status, completedAt: anonymizationRuns.completedAt }, desc(anonymizationRuns.createdAt)))
      .limit(params.limit).offset(params.offset),
    db.select({ total: count() }).from(anonymizationRuns).where(cond),
  ]);
  return { rows, total };
}

/** Everything a privacy officer judges a run on, next to the previous published release's figures. */
export async function runDetail(db: Db, actor: Actor, id: string) {
  const [summary] = await runsQuery(db).where(eq(anonymizationRuns.id, id));
  if (!summary) throw notFound('Anonymization run');
  const [run] = await db.select({
    policySnapshot: anonymizationRuns.policySnapshot, measures: anonymizationRuns.measures, differencing: anonymizationRuns.differencing,
    differencingOverrideBy: anonymizationRuns.differencingOverrideBy, outputSha256: anonymizationRuns.outputSha256,
  }).from(anonymizationRuns).where(eq(anonymizationRuns.id, id));
  const [job] = await db.select({
    jobId: jobRuns.jobId, status: jobRuns.status, progress: jobRuns.progress, step: jobRuns.step, attempts: jobRuns.attempts,
    maxAttempts: jobRuns.maxAttempts, error: jobRuns.error, startedAt: jobRuns.startedAt, finishedAt: jobRuns.finishedAt,
  }).from(jobRuns).where(and(eq(jobRuns.entityType, 'anonymization_run'), eq(jobRuns.entityId, id))).orderBy(desc(jobRuns.createdAt)).limit(1);
  const previous = await previousPublishedRelease(db, summary.releaseId);
  return {
    ...summary,
    ...run,
    job: job ?? null,
    previousRelease: previous && { releaseId: previous.releaseId, version: previous.version, publishedAt: previous.publishedAt, runId: previous.runId, measures: previous.measures },
    // Four-eyes is checked by the server; the UI hides the buttons from the starter as well.
    actions: summary.startedBy === actor.id ? [] : availableTransitions(anonymizationRun, summary.status, actor.roles).map((t) => t.action),
  };
}
