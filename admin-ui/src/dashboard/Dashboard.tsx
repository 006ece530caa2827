import { Card, CardContent, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { RoleChips } from '../components/RoleChips';
import { OwnPartner, StaffWidgets } from './widgets/StaffWidgets';
import { WaitingForMe } from './widgets/WaitingForMe';

const Welcome = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (!identity) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h2" gutterBottom data-testid="welcome">
          {translate('app.dashboard.welcome', { name: identity.fullName })}
        </Typography>
        <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
          <Typography variant="body2" color="text.secondary">
            {translate('app.dashboard.your_roles')}
          </Typography>
          <RoleChips roles={identity.roles as string[]} />
        </Stack>
        {identity.partnerName && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('app.dashboard.organisation', { name: identity.partnerName })}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};

const Dashboard = () => {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 1200 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Welcome />
      <OwnPartner />
      <WaitingForMe />
      <StaffWidgets />
    </Stack>
  );
};

export default Dashboard;
