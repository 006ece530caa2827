import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { useQuery } from '@tanstack/react-query';
import { useRedirect, useTranslate } from 'react-admin';
import { useAppDataProvider } from '../api/useAppDataProvider';

export const UNREAD_COUNT_KEY = ['notifications', 'unread-count'];

/** The bell in the app bar: how many notifications are unread, checked every 30 s. */
export const NotificationsBell = () => {
  const dataProvider = useAppDataProvider();
  const translate = useTranslate();
  const redirect = useRedirect();
  const { data } = useQuery({
    queryKey: UNREAD_COUNT_KEY,
    queryFn: () => dataProvider.unreadNotificationCount(),
    refetchInterval: 30_000,
  });
  const unread = data?.unread ?? 0;
  const label = unread
    ? translate('app.notifications.bell_unread', { smart_count: unread })
    : translate('app.notifications.bell');
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" aria-label={label} onClick={() => redirect('list', 'notifications')} data-testid="notifications-bell">
        <Badge badgeContent={unread} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
