import { Button } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { usePermissions, useTranslate } from 'react-admin';
import { rolesAllow } from '../../../auth/permissions';

/** Bull Board, served by the API outside this app, for admins. */
export const QueueBoardLink = () => {
  const { permissions: roles } = usePermissions<string[]>();
  const translate = useTranslate();
  if (!rolesAllow(roles ?? [], 'jobs.board')) return null;
  return (
    <Button size="small" href="/admin/queues" target="_blank" rel="noopener" startIcon={<OpenInNewIcon />}>
      {translate('app.job.queue_board')}
    </Button>
  );
};
