import { lazy } from 'react';
import PeopleIcon from '@mui/icons-material/People';
import HistoryIcon from '@mui/icons-material/History';
import WorkIcon from '@mui/icons-material/WorkHistory';
import NotificationsIcon from '@mui/icons-material/Notifications';
import HandshakeIcon from '@mui/icons-material/Handshake';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import PolicyIcon from '@mui/icons-material/Policy';
import ShieldIcon from '@mui/icons-material/Shield';
import PublishIcon from '@mui/icons-material/Publish';
import AssessmentIcon from '@mui/icons-material/Assessment';

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

export const partners = {
  list: lazy(() => import('./partners/List')),
  show: lazy(() => import('./partners/Show')),
  create: lazy(() => import('./partners/Create')),
  edit: lazy(() => import('./partners/Edit')),
  icon: HandshakeIcon,
  recordRepresentation: 'name',
};

export const submissions = {
  list: lazy(() => import('./submissions/List')),
  show: lazy(() => import('./submissions/Show')),
  // "Create" is the upload page (drag and drop, progress bar).
  create: lazy(() => import('./submissions/Create')),
  icon: UploadFileIcon,
  recordRepresentation: 'originalName',
};

export const mappingVersions = {
  list: lazy(() => import('./mapping-versions/List')),
  // The show page is the mapping editor (and the reviewer's view).
  show: lazy(() => import('./mapping-versions/Show')),
  icon: AccountTreeIcon,
};

export const policies = {
  list: lazy(() => import('./policies/List')),
  show: lazy(() => import('./policies/Show')),
  // "Create" is the policy editor: a new version of a policy (?basedOn=<id>) or a new policy.
  create: lazy(() => import('./policies/Create')),
  icon: PolicyIcon,
  recordRepresentation: 'name',
};

export const anonymizationRuns = {
  list: lazy(() => import('./anonymization-runs/List')),
  show: lazy(() => import('./anonymization-runs/Show')),
  icon: ShieldIcon,
};

export const releases = {
  list: lazy(() => import('./releases/List')),
  show: lazy(() => import('./releases/Show')),
  // "Create" is the composition form.
  create: lazy(() => import('./releases/Create')),
  icon: PublishIcon,
  recordRepresentation: 'version',
};

export const reports = {
  list: lazy(() => import('./reports/List')),
  icon: AssessmentIcon,
};
