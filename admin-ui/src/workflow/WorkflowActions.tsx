import { useState } from 'react';
import { Button, Chip, Stack } from '@mui/material';
import { useNotify, usePermissions, useRecordContext, useResourceContext, useTranslate, type RaRecord } from 'react-admin';
import { useDomainLabels } from '../i18n/labels';
import { availableTransitions, type TransitionDef, type WorkflowDef } from '.';
import { WorkflowActionDialog } from './WorkflowActionDialog';
import { describeFailure, useWorkflowAction, type ActionFailure } from './useWorkflowAction';

export interface WorkflowActionsProps<S extends string, A extends string> {
  /** A table from server/workflow/tables, e.g. WORKFLOWS.partner. */
  workflow: WorkflowDef<S, A>;
  /** Defaults to the surrounding record context. */
  record?: RaRecord;
  /** API resource the actions are posted to; defaults to the surrounding resource. */
  resource?: string;
  /** The record field holding the workflow state. */
  stateField?: string;
  /** Called with the server's answer after a successful action. */
  onDone?(action: A, result: unknown): void;
}

/** Needs a dialog when the user has something to say, or a destructive action to confirm. */
const needsDialog = (t: TransitionDef) => !!t.reason || !!t.asks?.length || t.tone === 'danger';

/**
 * The action buttons this user may press on this record right now: the workflow table's
 * transitions from the record's state for the user's roles. Guards (e.g. "a signed agreement is
 * on file") are only known to the server, whose refusal is shown as it words it.
 */
export function WorkflowActions<S extends string, A extends string>(props: WorkflowActionsProps<S, A>) {
  const { workflow, stateField = 'status', onDone } = props;
  const contextRecord = useRecordContext();
  const contextResource = useResourceContext();
  const record = props.record ?? contextRecord;
  const resource = props.resource ?? contextResource;
  const { permissions: roles } = usePermissions<string[]>();
  const labels = useDomainLabels();
  const notify = useNotify();
  const translate = useTranslate();
  const { run, pending } = useWorkflowAction(resource ?? '', record?.id);
  const [open, setOpen] = useState<TransitionDef<S, A> | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);

  if (!record || !resource || !roles) return null;
  const state = record[stateField] as S;
  const transitions = availableTransitions(workflow, state, roles);
  if (!transitions.length) return null;

  const perform = async (t: TransitionDef<S, A>, body: Record<string, unknown>) => {
    const label = labels.action(t.action, workflow.entityType);
    try {
      const result = await run(t.action, body, translate('app.workflow.done', { action: label }));
      setOpen(null);
      setFailure(null);
      onDone?.(t.action, result);
    } catch (err) {
      const f = describeFailure(err);
      if (open || needsDialog(t)) setFailure(f);
      else notify(f.message, { type: 'error', messageArgs: { _: f.message } });
    }
  };

  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" data-testid="workflow-actions">
      {transitions.map((t) => (
        <Button
          key={t.action}
          size="small"
          variant={t.tone === 'primary' ? 'contained' : 'outlined'}
          color={t.tone === 'danger' ? 'error' : 'primary'}
          disabled={pending != null}
          data-action={t.action}
          onClick={() => {
            setFailure(null);
            if (needsDialog(t)) setOpen(t);
            else void perform(t, {});
          }}
        >
          {labels.action(t.action, workflow.entityType)}
        </Button>
      ))}
      {open && (
        <WorkflowActionDialog
          transition={open}
          entityType={workflow.entityType}
          recordName={String(record.name ?? record.title ?? record.id)}
          pending={pending != null}
          failure={failure}
          onCancel={() => { setOpen(null); setFailure(null); }}
          onConfirm={(body) => void perform(open, body)}
        />
      )}
    </Stack>
  );
}

/** The record's current workflow state as a chip, in the interface language. */
export function WorkflowStateChip({ workflow, state }: { workflow: WorkflowDef; state: string | undefined }) {
  const labels = useDomainLabels();
  if (!state) return null;
  return <Chip size="small" label={labels.state(workflow.entityType, state)} data-state={state} />;
}
