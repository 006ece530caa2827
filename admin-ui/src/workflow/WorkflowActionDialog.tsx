import { useState } from 'react';
import {
  Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormHelperText, TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDomainLabels } from '../i18n/labels';
import type { TransitionDef } from '.';
import { askKind, initialAnswer } from './asks';
import type { ActionFailure } from './useWorkflowAction';

interface Props {
  transition: TransitionDef;
  entityType: string;
  recordName: string;
  pending: boolean;
  failure: ActionFailure | null;
  onCancel(): void;
  onConfirm(body: Record<string, unknown>): void;
}

/** Asks for the reason and the answers a transition needs, and shows why the server refused it. */
export const WorkflowActionDialog = ({ transition, entityType, recordName, pending, failure, onCancel, onConfirm }: Props) => {
  const translate = useTranslate();
  const labels = useDomainLabels();
  const asks = transition.asks ?? [];
  const [reason, setReason] = useState('');
  const [answers, setAnswers] = useState<Record<string, unknown>>(() => Object.fromEntries(asks.map((a) => [a, initialAnswer(a)])));
  const reasonMissing = transition.reason === 'required' && !reason.trim();
  const actionLabel = labels.action(transition.action, entityType);

  const submit = () => {
    const body: Record<string, unknown> = { ...answers };
    if (reason.trim()) body.reason = reason.trim();
    onConfirm(body);
  };

  return (
    <Dialog open onClose={pending ? undefined : onCancel} fullWidth maxWidth="sm" aria-labelledby="workflow-action-title">
      <DialogTitle id="workflow-action-title">{translate('app.workflow.dialog_title', { action: actionLabel, name: recordName })}</DialogTitle>
      <DialogContent>
        {failure && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="workflow-error">
            {translate(failure.message, { _: failure.message })}
          </Alert>
        )}
        {transition.reason && (
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            margin="dense"
            name="reason"
            label={translate('app.workflow.reason')}
            required={transition.reason === 'required'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={!!failure?.fields.reason}
            helperText={failure?.fields.reason ?? translate(transition.reason === 'required' ? 'app.workflow.reason_required' : 'app.workflow.reason_optional')}
          />
        )}
        {asks.map((name) =>
          askKind(name) === 'boolean' ? (
            <div key={name}>
              <FormControlLabel
                control={<Checkbox name={name} checked={!!answers[name]} onChange={(e) => setAnswers({ ...answers, [name]: e.target.checked })} />}
                label={labels.ask(name)}
              />
              {failure?.fields[name] && <FormHelperText error>{failure.fields[name]}</FormHelperText>}
            </div>
          ) : (
            <TextField
              key={name}
              fullWidth
              margin="dense"
              name={name}
              type={askKind(name) === 'date' ? 'date' : 'text'}
              label={labels.ask(name)}
              value={String(answers[name] ?? '')}
              onChange={(e) => setAnswers({ ...answers, [name]: e.target.value })}
              error={!!failure?.fields[name]}
              helperText={failure?.fields[name]}
              slotProps={{ inputLabel: { shrink: askKind(name) === 'date' ? true : undefined } }}
            />
          ),
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={pending}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color={transition.tone === 'danger' ? 'error' : 'primary'} onClick={submit} disabled={pending || reasonMissing}>
          {actionLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
