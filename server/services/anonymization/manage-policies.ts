import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { anonymizationPolicies } from '../../../db/schema';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { SYSTEM_ACTOR, type Actor, type RequestMeta } from '../../auth/actor';
import { defaultPolicy, parseAnonymizationPolicy, PolicyValidationError, type AnonymizationPolicy } from '../../domain/anonymization';
import { getStandard, type StandardDefinition } from '../../domain/standard';
import { AppError, conflict, notFound, type FieldIssue } from '../../errors/app-error';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../errors/pg-error';
import type { ListParams } from '../../http/list-query';
import { orderBy } from '../../http/sorting';

export type PolicyRow = typeof anonymizationPolicies.$inferSelect;
export const DEFAULT_POLICY_NAME = 'default';
/** The lazily seeded default covers these years; data outside them needs a new policy version. */
export const DEFAULT_POLICY_FIRST_YEAR = 2000;

function invalidPolicy(issues: FieldIssue[]): AppError {
  const fields = issues.map((i) => ({ path: i.path ? `policy.${i.path}` : 'policy', message: i.message }));
  return new AppError('validation', `Invalid policy: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
}

/** The engine's checks, then the standard's: every QI and the sensitive variable must be one of its variables. */
export function validatePolicy(input: unknown, standard: StandardDefinition = getStandard()): AnonymizationPolicy {
  let policy: AnonymizationPolicy;
  try {
    policy = parseAnonymizationPolicy(input);
  } catch (error) {
    if (error instanceof PolicyValidationError) throw invalidPolicy(error.issues);
    throw error;
  }
  const names = new Set(standard.variables.map((v) => v.name));
  const issues: FieldIssue[] = [];
  policy.qis.forEach((qi, i) => {
    if (!names.has(qi)) issues.push({ path: `qis.${i}`, message: `${qi} is not a variable of ${standard.versionLabel}` });
  });
  const sensitive = policy.lDiversity?.variable;
  if (sensitive !== undefined && !names.has(sensitive)) {
    issues.push({ path: 'lDiversity.variable', message: `${sensitive} is not a variable of ${standard.versionLabel}` });
  }
  if (issues.length) throw invalidPolicy(issues);
  return policy;
}

/** What a list shows: the parameters, not the hierarchies (a country hierarchy alone is ~250 rows). */
export function policySummary(row: PolicyRow) {
  const { policy, ...rest } = row;
  return { ...rest, qis: policy.qis, k: policy.k, suppressionLimit: policy.suppressionLimit, lDiversity: policy.lDiversity ?? null, maxLevels: policy.maxLevels };
}

export async function listPolicies(db: Db, params: ListParams) {
  const f = params.filter as { name?: string; latest?: boolean | string };
  const where: SQL[] = [];
  if (f.name) where.push(eq(anonymizationPolicies.name, f.name));
  if (f.latest === true || f.latest === 'true') {
    where.push(sql`${anonymizationPolicies.version} = (SELECT max(p.version) FROM anonymization_policies p WHERE p.name = ${anonymizationPolicies.name})`);
  }
  const cond = where.length ? and(...where) : undefined;
  const sort = orderBy(params, { name: anonymizationPolicies.name, version: anonymizationPolicies.version, createdAt: anonymizationPolicies.createdAt }, desc(anonymizationPolicies.createdAt));
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(anonymizationPolicies).where(cond).orderBy(sort, desc(anonymizationPolicies.version)).limit(params.limit).offset(params.offset),
    db.select({ total: count() }).from(anonymizationPolicies).where(cond),
  ]);
  return { rows: rows.map(policySummary), total };
}

export async function getPolicy(db: Db | Tx, id: string): Promise<PolicyRow> {
  const [row] = await db.select().from(anonymizationPolicies).where(eq(anonymizationPolicies.id, id));
  if (!row) throw notFound('Policy');
  return row;
}

async function insertVersion(tx: Tx, actor: Actor, meta: RequestMeta, values: { name: string; version: number; description: string | null; policy: AnonymizationPolicy }, details: Record<string, unknown>) {
  const [row] = await tx.insert(anonymizationPolicies).values({ ...values, createdBy: actor.id }).returning();
  await recordAuditEvent(tx, actor, meta, {
    action: values.version === 1 ? 'anonymization_policy.create' : 'anonymization_policy.create_version',
    entityType: 'anonymization_policy',
    entityId: row.id,
    details: { name: row.name, version: row.version, qis: values.policy.qis, k: values.policy.k, suppressionLimit: values.policy.suppressionLimit, lDiversity: values.policy.lDiversity ?? null, ...details },
  });
  return row;
}

/** Two saves of the same name and version race on the unique index: the loser gets a 409. */
async function uniqueOrConflict<T>(work: () => Promise<T>, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) throw conflict(message);
    throw error;
  }
}

export interface PolicyInput {
  name: string;
  description?: string | null;
  policy: unknown;
}

export async function createPolicy(db: Db, actor: Actor, meta: RequestMeta, input: PolicyInput): Promise<PolicyRow> {
  const policy = validatePolicy(input.policy);
  const message = `A policy named "${input.name}" exists already: save a new version of it instead`;
  return uniqueOrConflict(() => db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: anonymizationPolicies.id }).from(anonymizationPolicies).where(eq(anonymizationPolicies.name, input.name)).limit(1);
    if (existing) throw conflict(message);
    return insertVersion(tx, actor, meta, { name: input.name, version: 1, description: input.description ?? null, policy }, {});
  }), message);
}

/** Editing never changes a saved version (runs keep pointing at it): it saves the next one. */
export async function createPolicyVersion(db: Db, actor: Actor, meta: RequestMeta, basedOnId: string, input: { description?: string | null; policy: unknown }, details: Record<string, unknown> = {}): Promise<PolicyRow> {
  const policy = validatePolicy(input.policy);
  const base = await getPolicy(db, basedOnId);
  return uniqueOrConflict(() => db.transaction(async (tx) => {
    const [{ latest }] = await tx.select({ latest: sql<number>`max(${anonymizationPolicies.version})` }).from(anonymizationPolicies).where(eq(anonymizationPolicies.name, base.name));
    const description = input.description === undefined ? base.description : input.description;
    return insertVersion(tx, actor, meta, { name: base.name, version: Number(latest) + 1, description, policy }, { basedOn: base.id, basedOnVersion: base.version, ...details });
  }), `Someone saved a new version of "${base.name}" at the same time; reload and try again`);
}

/** The privacy.md defaults as policy `default` v1, created on first use; returns its newest version. */
export async function ensureDefaultPolicy(db: Db, meta: RequestMeta = {}): Promise<PolicyRow> {
  const latest = async () => {
    const [row] = await db.select().from(anonymizationPolicies).where(eq(anonymizationPolicies.name, DEFAULT_POLICY_NAME)).orderBy(desc(anonymizationPolicies.version)).limit(1);
    return row;
  };
  const found = await latest();
  if (found) return found;
  const policy = defaultPolicy({ from: DEFAULT_POLICY_FIRST_YEAR, to: new Date().getUTCFullYear() });
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(anonymizationPolicies)
      .values({ name: DEFAULT_POLICY_NAME, version: 1, description: 'privacy.md defaults: 7 quasi-identifiers, k = 11, 5 % suppression', policy })
      .onConflictDoNothing().returning();
    if (!row) return;
    await recordAuditEvent(tx, SYSTEM_ACTOR, meta, {
      action: 'anonymization_policy.create', entityType: 'anonymization_policy', entityId: row.id,
      details: { name: row.name, version: 1, qis: policy.qis, k: policy.k, suppressionLimit: policy.suppressionLimit, seeded: true },
    });
  });
  return (await latest())!;
}
