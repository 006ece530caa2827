import { Box, Card, CardHeader, Chip, List, ListItemButton, ListItemText, Stack, Typography, CardContent } from '@mui/material';
import InboxIcon from '@mui/icons-material/Inbox';
import { useCreatePath, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { canOpenResource } from '../../auth/permissions';
import { ENTITY_PAGES } from '../../entities';
import { useDomainLabels } from '../../i18n/labels';
import { useDashboard } from './use-dashboard';

/** Reviews, sign-offs and other decisions waiting for this person, each opening its page. */
export const WaitingForMe = () => {
  const translate = useTranslate();
  const labels = useDomainLabels();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const { permissions: roles } = usePermissions<string[]>();
  const { data } = useDashboard();
  const items = data?.waitingForMe ?? [];
  return (
    <Card data-testid="waiting-for-me">
      <CardHeader title={translate('app.dashboard.waiting_title')} slotProps={{ title: { variant: 'h6', component: 'h2' } }}
        action={items.length ? <Chip color="primary" label={items.length} sx={{ mr: 1, mt: 1 }} /> : null} />
      <CardContent sx={{ pt: 0 }}>
        {data && !items.length && (
          <Stack direction="row" spacing={2} alignItems="center">
            <InboxIcon color="disabled" fontSize="large" />
            <Box>
              <Typography>{translate('app.dashboard.waiting_empty')}</Typography>
              <Typography variant="body2" color="text.secondary">{translate('app.dashboard.waiting_hint')}</Typography>
            </Box>
          </Stack>
        )}
        {items.length > 0 && (
          <List dense disablePadding>
            {items.map((item) => {
              const page = ENTITY_PAGES[item.entityType];
              const reachable = page && canOpenResource(roles, page.resource);
              return (
                <ListItemButton
                  key={`${item.entityType}:${item.entityId}:${item.kind}`}
                  disabled={!reachable}
                  onClick={() => reachable && redirect(createPath({ resource: page.resource, type: page.view, id: item.entityId }))}
                  data-testid="waiting-item"
                  data-kind={item.kind}
                >
                  <ListItemText
                    primary={item.title}
                    secondary={translate(`app.widgets.waiting_kinds.${item.kind}`, { _: labels.entity(item.entityType) })}
                  />
                  <Chip size="small" variant="outlined" label={labels.state(item.entityType, item.state)} />
                </ListItemButton>
              );
            })}
          </List>
        )}
      </CardContent>
    </Card>
  );
};
