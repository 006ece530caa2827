// The UI reads the same transition tables the server enforces (plain data, no server code).
export { WORKFLOWS, type WorkflowEntityType } from '../../../server/workflow/tables';
export { availableTransitions, type TransitionDef, type WorkflowDef } from '../../../server/workflow/types';
