import { useState } from 'react';
import { Button } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Confirm, useNotify, useRecordContext, useRefresh, useTranslate, useUpdate } from 'react-admin';

/** Deactivating ends the person's sessions everywhere, so it asks first; reactivating does not. */
export const ToggleActiveButton = () => {
  const record = useRecordContext<{ id: string; name: string; active: boolean }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  const [confirming, setConfirming] = useState(false);
  if (!record) return null;

  const setActive = (active: boolean) =>
    update(
      'users',
      { id: record.id, data: { active }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setConfirming(false);
          notify(active ? 'app.users.reactivated' : 'app.users.deactivated', { type: 'success' });
          refresh();
        },
        onError: (err) => {
          setConfirming(false);
          const message = (err as Error).message || 'ra.notification.http_error';
          notify(message, { type: 'error', messageArgs: { _: message } });
        },
      },
    );

  if (!record.active) {
    return (
      <Button size="small" startIcon={<CheckCircleIcon />} disabled={isPending} onClick={() => setActive(true)}>
        {translate('app.users.reactivate')}
      </Button>
    );
  }
  return (
    <>
      <Button size="small" color="error" startIcon={<BlockIcon />} disabled={isPending} onClick={() => setConfirming(true)}>
        {translate('app.users.deactivate')}
      </Button>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title={translate('app.users.deactivate_title', { name: record.name })}
        content={translate('app.users.deactivate_content')}
        confirm={translate('app.users.deactivate')}
        confirmColor="warning"
        onConfirm={() => setActive(false)}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
