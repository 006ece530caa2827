import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useAppDataProvider } from '../../../api/useAppDataProvider';
import { describeFailure, type ActionFailure } from '../../../workflow/useWorkflowAction';

const MIN_LENGTH = 10;

/** Sets a new password for someone who lost theirs; the server ends their sessions. */
export const ResetPasswordButton = () => {
  const record = useRecordContext<{ id: string; name: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useAppDataProvider();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  if (!record) return null;

  const close = () => {
    setOpen(false);
    setPassword('');
    setFailure(null);
  };
  const submit = async () => {
    setSaving(true);
    try {
      await dataProvider.resetPassword(record.id, password);
      notify('app.users.password_reset_done', { type: 'success' });
      close();
      // The user's history on this page now has the reset in it.
      refresh();
    } catch (err) {
      setFailure(describeFailure(err));
    } finally {
      setSaving(false);
    }
  };
  const tooShort = password.length > 0 && password.length < MIN_LENGTH;

  return (
    <>
      <Button size="small" startIcon={<KeyIcon />} onClick={() => setOpen(true)}>
        {translate('app.users.reset_password')}
      </Button>
      <Dialog open={open} onClose={saving ? undefined : close} fullWidth maxWidth="xs">
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <DialogTitle>{translate('app.users.reset_password_title', { name: record.name })}</DialogTitle>
          <DialogContent>
            {failure && !failure.fields.password && <Alert severity="error" sx={{ mb: 2 }}>{translate(failure.message, { _: failure.message })}</Alert>}
            <DialogContentText variant="body2" sx={{ mb: 1 }}>{translate('app.users.reset_password_help')}</DialogContentText>
            <TextField
              autoFocus
              fullWidth
              type="password"
              name="new-password"
              autoComplete="new-password"
              label={translate('app.users.new_password')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={tooShort || !!failure?.fields.password}
              helperText={failure?.fields.password ?? (tooShort ? translate('app.users.password_min') : ' ')}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={saving}>{translate('ra.action.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={saving || password.length < MIN_LENGTH}>
              {translate('app.users.reset_password')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
