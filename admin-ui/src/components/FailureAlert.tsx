import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ActionFailure } from '../workflow/useWorkflowAction';

/** The server's refusal in its own words (field messages show under their inputs instead). */
export const FailureAlert = ({ failure, fieldsShown = [] }: { failure: ActionFailure | null; fieldsShown?: string[] }) => {
  const translate = useTranslate();
  if (!failure) return null;
  const fields = Object.entries(failure.fields);
  const others = fields.filter(([path]) => !fieldsShown.includes(path));
  // When every field message shows under its input, the summary only points at them.
  const message = fields.length > 0 && others.length === 0 ? 'ra.message.invalid_form' : failure.message;
  return (
    <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="action-error">
      {translate(message, { _: message })}
      {others.map(([path, message]) => <div key={path}>{`${path}: ${message}`}</div>)}
    </Alert>
  );
};
