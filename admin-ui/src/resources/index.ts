import { lazy } from 'react';
import PeopleIcon from '@mui/icons-material/People';
import HistoryIcon from '@mui/icons-material/History';
import WorkIcon from '@mui/icons-material/WorkHistory';
import NotificationsIcon from '@mui/icons-material/Notifications';

// Each page is its own chunk, loaded the first time someone opens it.
export const users = {
  list: lazy(() => import('./users/List')),
  create: lazy(() => import('./users/Create')),
  edit: lazy(() => import('./users/Edit')),
  icon: PeopleIcon,
  recordRepresentation: 'name',
};

export const auditEvents = {
  list: lazy(() => import('./audit-events/List')),
  show: lazy(() => import('./audit-events/Show')),
  icon: HistoryIcon,
};

export const jobRuns = {
  list: lazy(() => import('./job-runs/List')),
  show: lazy(() => import('./job-runs/Show')),
  icon: WorkIcon,
  recordRepresentation: 'title',
};

export const notifications = {
  list: lazy(() => import('./notifications/List')),
  icon: NotificationsIcon,
};
