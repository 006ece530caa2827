import { Box, Button, Chip, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import DoneIcon from '@mui/icons-material/Done';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { BooleanInput, DataTable, List, TopToolbar, useTranslate } from 'react-admin';
import { DateTime } from '../../components/DateTime';
import { EntityLink } from '../../components/EntityLink';
import { useMarkRead } from './actions/markRead';

interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  readAt: string | null;
  createdAt: string;
}

const Actions = () => {
  const translate = useTranslate();
  const markRead = useMarkRead();
  return (
    <TopToolbar>
      <Button size="small" startIcon={<DoneAllIcon />} onClick={() => void markRead.all()}>
        {translate('app.notifications.mark_all_read')}
      </Button>
    </TopToolbar>
  );
};

const Message = ({ n }: { n: NotificationRow }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ opacity: n.readAt ? 0.7 : 1 }}>
      <Stack direction="row" spacing={1} alignItems="center">
        {!n.readAt && <Chip size="small" color="primary" label={translate('app.notifications.unread')} />}
        <Typography variant="body2" sx={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary">{n.body}</Typography>
      {n.entityType && <EntityLink entityType={n.entityType} entityId={n.entityId} />}
    </Box>
  );
};

const MarkReadButton = ({ n }: { n: NotificationRow }) => {
  const translate = useTranslate();
  const markRead = useMarkRead();
  if (n.readAt) return null;
  return (
    <Tooltip title={translate('app.notifications.mark_read')}>
      <IconButton size="small" aria-label={translate('app.notifications.mark_read')} onClick={() => void markRead.one(n.id)}>
        <DoneIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
};

const filters = [<BooleanInput key="unread" source="unread" alwaysOn />];

const Empty = () => {
  const translate = useTranslate();
  return <Typography sx={{ p: 3 }} color="text.secondary">{translate('app.notifications.empty')}</Typography>;
};

const Column = DataTable.Col<NotificationRow>;

const NotificationList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} empty={<Empty />}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <Column source="createdAt" disableSort render={(n) => <DateTime value={n.createdAt} />} />
      <Column source="title" disableSort render={(n) => <Message n={n} />} />
      <Column label=" " disableSort render={(n) => <MarkReadButton n={n} />} />
    </DataTable>
  </List>
);

export default NotificationList;
