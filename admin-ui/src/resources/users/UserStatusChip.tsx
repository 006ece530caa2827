import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

export const UserStatusChip = ({ active }: { active: boolean | undefined }) => {
  const translate = useTranslate();
  return active ? (
    <Chip size="small" color="success" variant="outlined" label={translate('app.users.active')} />
  ) : (
    <Chip size="small" color="default" label={translate('app.users.inactive')} />
  );
};
