import { Box, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import InboxIcon from '@mui/icons-material/Inbox';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { RoleChips } from '../components/RoleChips';

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

/** What waits for this user's decision; empty until reviews and sign-offs exist. */
const WaitingForMe = () => {
  const translate = useTranslate();
  return (
    <Card data-testid="waiting-for-me">
      <CardHeader title={translate('app.dashboard.waiting_title')} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        <Stack direction="row" spacing={2} alignItems="center">
          <InboxIcon color="disabled" fontSize="large" />
          <Box>
            <Typography>{translate('app.dashboard.waiting_empty')}</Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('app.dashboard.waiting_hint')}
            </Typography>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};

const Dashboard = () => {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 960 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Welcome />
      <WaitingForMe />
    </Stack>
  );
};

export default Dashboard;
