import { useQueryClient } from '@tanstack/react-query';
import { useNotify, type Identifier } from 'react-admin';
import { errorMessage } from '../../../api/http';
import { useAppDataProvider } from '../../../api/useAppDataProvider';

/** Marks one or all notifications read, then refreshes the list and the bell's count. */
export function useMarkRead() {
  const dataProvider = useAppDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const after = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const fail = (err: unknown) => {
    const message = errorMessage(err);
    notify(message, { type: 'error', messageArgs: { _: message } });
  };
  return {
    one: (id: Identifier) => dataProvider.markNotificationRead(id).then(after, fail),
    all: () =>
      dataProvider.markAllNotificationsRead().then(() => {
        notify('app.notifications.all_read', { type: 'success' });
        return after();
      }, fail),
  };
}
