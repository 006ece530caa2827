import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError, notFound } from '../errors/app-error';
import type { TransitionDef, WorkflowDef } from './types';

export interface GuardContext<Row> {
  tx: Tx;
  row: Row;
  actor: Actor;
  transition: TransitionDef;
}
/** A guard returns null when satisfied, or the message explaining why the action cannot happen. */
export type Guard<Row> = (ctx: GuardContext<Row>) => Promise<string | null> | string | null;

export interface WorkflowBinding<S extends string, A extends string, Row extends { status: S }> {
  workflow: WorkflowDef<S, A>;
  /** Human name for messages, e.g. "Partner". */
  label: string;
  /** Reads the row with FOR UPDATE so concurrent actions on it queue behind this one. */
  lockRow(tx: Tx, id: string): Promise<Row | null>;
  /** Conditional update: returns how many rows changed (0 means someone else moved it first). */
  setStatus(tx: Tx, id: string, from: S, to: S): Promise<number>;
  guards?: Record<string, Guard<Row>>;
  /** Resource check on top of the role check: may this actor see this record at all? */
  canAccess?(actor: Actor, row: Row): boolean;
}

export interface TransitionRequest<A extends string, Row> {
  id: string;
  action: A;
  actor: Actor;
  meta: RequestMeta;
  reason?: string | null;
  details?: Record<string, unknown>;
  /** Writes that must precede the status change (e.g. superseding the previous approved version). */
  before?(tx: Tx, row: Row): Promise<void>;
  /** Related writes in the same transaction (e.g. recording an answer, creating rows). */
  effect?(tx: Tx, row: Row): Promise<Record<string, unknown> | void>;
}

export interface TransitionResult<S, Row> {
  from: S;
  to: S;
  row: Row;
  auditEventId: number;
}

export async function performTransition<S extends string, A extends string, Row extends { status: S }>(
  db: Db,
  binding: WorkflowBinding<S, A, Row>,
  req: TransitionRequest<A, Row>,
): Promise<TransitionResult<S, Row>> {
  const transition = checkActor(binding, req);
  return db.transaction((tx) => transitionWithin(tx, binding, req, transition));
}

/** The same, inside a transaction the caller already holds (e.g. with a COPY on the same connection). */
export async function performTransitionIn<S extends string, A extends string, Row extends { status: S }>(
  tx: Tx,
  binding: WorkflowBinding<S, A, Row>,
  req: TransitionRequest<A, Row>,
): Promise<TransitionResult<S, Row>> {
  return transitionWithin(tx, binding, req, checkActor(binding, req));
}

function checkActor<S extends string, A extends string, Row extends { status: S }>(
  binding: WorkflowBinding<S, A, Row>,
  req: TransitionRequest<A, Row>,
): TransitionDef<S, A> {
  const transition = binding.workflow.transitions.find((t) => t.action === req.action);
  if (!transition) throw new AppError('bad_request', `Unknown action "${req.action}" for ${binding.label.toLowerCase()}`);
  if (!transition.roles.some((r) => req.actor.roles.includes(r))) {
    throw new AppError('forbidden', `Your role does not allow "${req.action}" on a ${binding.label.toLowerCase()}`);
  }
  const reason = req.reason?.trim() || null;
  if (transition.reason === 'required' && !reason) {
    throw new AppError('validation', `A reason is required to ${req.action.replace(/_/g, ' ')}`, {
      fields: [{ path: 'reason', message: 'Required' }],
    });
  }

  return transition;
}

async function transitionWithin<S extends string, A extends string, Row extends { status: S }>(
  tx: Tx,
  binding: WorkflowBinding<S, A, Row>,
  req: TransitionRequest<A, Row>,
  transition: TransitionDef<S, A>,
): Promise<TransitionResult<S, Row>> {
  const reason = req.reason?.trim() || null;
  const row = await binding.lockRow(tx, req.id);
  if (!row || (binding.canAccess && !binding.canAccess(req.actor, row))) throw notFound(binding.label);
  const from = row.status;
  if (!transition.from.includes(from)) {
    throw new AppError('conflict', `${binding.label} is ${from.replace(/_/g, ' ')}: "${req.action}" needs it to be ${transition.from.join(' or ').replace(/_/g, ' ')}`, { currentState: from });
  }
  for (const name of transition.guards ?? []) {
    const guard = binding.guards?.[name];
    if (!guard) throw new Error(`Guard ${name} has no implementation for ${binding.workflow.entityType}`);
    const failure = await guard({ tx, row, actor: req.actor, transition });
    if (failure) throw new AppError('guard_failed', failure, { guard: name });
  }
  await req.before?.(tx, row);
  const changed = await binding.setStatus(tx, req.id, from, transition.to);
  if (changed !== 1) throw new AppError('conflict', `${binding.label} was changed by someone else; reload and try again`);
  const effectDetails = (await req.effect?.(tx, row)) ?? {};
  const auditEventId = await recordAuditEvent(tx, req.actor, req.meta, {
    action: `${binding.workflow.entityType}.${req.action}`,
    entityType: binding.workflow.entityType,
    entityId: req.id,
    fromState: from,
    toState: transition.to,
    reason,
    details: { ...req.details, ...effectDetails },
  });
  return { from, to: transition.to, row: { ...row, status: transition.to }, auditEventId };
}

/** Four-eyes: whoever authored or requested a thing cannot approve it. */
export function fourEyes<Row>(authors: (row: Row) => (string | null | undefined)[], what = 'this'): Guard<Row> {
  return ({ row, actor }) =>
    actor.id && authors(row).includes(actor.id)
      ? `Four-eyes rule: you authored or requested ${what}, so another person must take this decision`
      : null;
}
