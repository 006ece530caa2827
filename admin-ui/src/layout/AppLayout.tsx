import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton, TitlePortal } from 'react-admin';
import { Typography } from '@mui/material';
import { AppMenu } from './AppMenu';
import { LocaleSync } from './LocaleSync';
import { NotificationsBell } from './NotificationsBell';

const AppTitle = () => (
  <Typography component="span" sx={{ fontWeight: 600, mr: 2, whiteSpace: 'nowrap' }}>
    CTDC
  </Typography>
);

const AppToolbar = () => (
  <>
    <LocalesMenuButton />
    <NotificationsBell />
    <LoadingIndicator />
  </>
);

const TopBar = () => (
  <AppBar toolbar={<AppToolbar />} color="primary">
    <AppTitle />
    <TitlePortal />
  </AppBar>
);

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={TopBar} menu={AppMenu}>
    <LocaleSync />
    {children}
  </Layout>
);
