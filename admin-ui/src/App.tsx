import { lazy } from 'react';
import { Admin, Resource } from 'react-admin';
import { dataProvider } from './api/dataProvider';
import { authProvider } from './auth/authProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './login/LoginPage';
import {
  anonymizationRuns, auditEvents, jobRuns, mappingVersions, notifications, partners, policies, releases, reports, submissions, users,
} from './resources';
import { theme } from './theme';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));

export const App = () => (
  <Admin
    title="CTDC"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={AppLayout}
    dashboard={Dashboard}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="partners" {...partners} />
    <Resource name="submissions" {...submissions} />
    <Resource name="mapping-versions" {...mappingVersions} />
    <Resource name="releases" {...releases} />
    <Resource name="anonymization-runs" {...anonymizationRuns} />
    <Resource name="policies" {...policies} />
    <Resource name="reports" {...reports} />
    <Resource name="users" {...users} />
    <Resource name="audit-events" {...auditEvents} />
    <Resource name="job-runs" {...jobRuns} />
    <Resource name="notifications" {...notifications} />
  </Admin>
);
