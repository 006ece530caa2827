import { useState } from 'react';
import {
  Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormHelperText, FormLabel, Radio,
  RadioGroup, TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDomainLabels } from '../i18n/labels';
import type { TransitionDef } from '.';
import { askKind, initialAnswer, isAnswered } from './asks';
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
  const unanswered = asks.some((a) => !isAnswered(a, answers[a]));
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
            <FormControl key={name} margin="dense" required error={!!failure?.fields[name]} sx={{ display: 'flex' }}>
              <FormLabel id={`ask-${name}`}>{labels.ask(name)}</FormLabel>
              <RadioGroup
                row
                name={name}
                aria-labelledby={`ask-${name}`}
                value={typeof answers[name] === 'boolean' ? String(answers[name]) : ''}
                onChange={(e) => setAnswers({ ...answers, [name]: e.target.value === 'true' })}
              >
                <FormControlLabel value="true" control={<Radio />} label={translate('ra.boolean.true')} />
                <FormControlLabel value="false" control={<Radio />} label={translate('ra.boolean.false')} />
              </RadioGroup>
              {failure?.fields[name] && <FormHelperText>{failure.fields[name]}</FormHelperText>}
            </FormControl>
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
        <Button variant="contained" color={transition.tone === 'danger' ? 'error' : 'primary'} onClick={submit} disabled={pending || reasonMissing || unanswered}>
          {actionLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
