import { Chip, Stack } from '@mui/material';
import { useDomainLabels } from '../i18n/labels';

/** The roles a person holds, as translated chips. */
export const RoleChips = ({ roles, size = 'small' }: { roles: readonly string[] | undefined; size?: 'small' | 'medium' }) => {
  const labels = useDomainLabels();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {(roles ?? []).map((role) => (
        <Chip key={role} size={size} label={labels.role(role)} color={role === 'admin' ? 'secondary' : 'default'} variant="outlined" />
      ))}
    </Stack>
  );
};
