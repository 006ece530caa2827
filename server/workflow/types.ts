/**
 * Workflow tables are plain data: the server enforces them and the admin UI imports the same
 * files to decide which action buttons a user sees. Nothing here may import server code.
 */
export type WorkflowRole =
  | 'admin'
  | 'partner_liaison'
  | 'data_steward'
  | 'privacy_officer'
  | 'release_manager'
  | 'viewer'
  | 'partner_user'
  | 'system';

export interface TransitionDef<S extends string = string, A extends string = string> {
  action: A;
  from: readonly S[];
  to: S;
  roles: readonly WorkflowRole[];
  /** Rejections and change requests must say why. */
  reason?: 'required' | 'optional';
  /** Names of guards checked on the server inside the transaction. */
  guards?: readonly string[];
  /** Extra answers the action needs (the UI asks for them; the route validates them). */
  asks?: readonly string[];
  /** Shown as a secondary/destructive button in the UI. */
  tone?: 'primary' | 'neutral' | 'danger';
}

export interface WorkflowDef<S extends string = string, A extends string = string> {
  entityType: string;
  states: readonly S[];
  transitions: readonly TransitionDef<S, A>[];
}

export function defineWorkflow<const S extends string, const A extends string>(def: WorkflowDef<S, A>): WorkflowDef<S, A> {
  return def;
}

/** Transitions this user could take from this state, before guards (which only the server checks). */
export function availableTransitions<S extends string, A extends string>(
  workflow: WorkflowDef<S, A>,
  state: S,
  roles: readonly string[],
): TransitionDef<S, A>[] {
  return workflow.transitions.filter(
    (t) => t.from.includes(state) && t.roles.some((r) => roles.includes(r)),
  );
}
