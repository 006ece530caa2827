import { useState } from 'react';
import { Button } from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify, usePermissions, useTranslate } from 'react-admin';
import { errorMessage } from '../../../api/http';
import { useAppDataProvider } from '../../../api/useAppDataProvider';
import { rolesAllow } from '../../../auth/permissions';

/** Starts the job system's self-test (admins), which fails once on purpose to show a retry. */
export const SelfTestButton = () => {
  const { permissions: roles } = usePermissions<string[]>();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useAppDataProvider();
  const [busy, setBusy] = useState(false);
  if (!rolesAllow(roles ?? [], 'jobs.board')) return null;

  const start = async () => {
    setBusy(true);
    try {
      await dataProvider.startSelfTest(1);
      notify('app.job.self_test_started', { type: 'info' });
      await queryClient.invalidateQueries({ queryKey: ['job-runs'] });
    } catch (err) {
      const message = errorMessage(err);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" startIcon={<PlayArrowIcon />} onClick={start} disabled={busy}>
      {translate('app.job.self_test')}
    </Button>
  );
};
