import { Typography } from '@mui/material';
import { DataTable, FilterButton, List, SelectInput, TextInput, TopToolbar, useTranslate } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import { EntityLink } from '../../components/EntityLink';
import { useDomainLabels } from '../../i18n/labels';
import { QueueBoardLink } from './actions/QueueBoardLink';
import { SelfTestButton } from './actions/SelfTestButton';
import { JobProgressBar } from './JobProgressBar';
import { JobStatusChip } from './JobStatusChip';
import { isRunning, JOB_STATUSES, type JobRun } from './types';

const filters = [
  <SelectInput key="status" source="status" alwaysOn choices={JOB_STATUSES.map((s) => ({ id: s, name: `job_status.${s}` }))} />,
  <TextInput key="name" source="name" />,
  <TextInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <SelfTestButton />
    <QueueBoardLink />
  </TopToolbar>
);

const JobTitle = ({ run }: { run: JobRun }) => <>{useDomainLabels().jobTitle(run.name, run.title)}</>;

const Attempts = ({ run }: { run: JobRun }) => {
  const translate = useTranslate();
  return <Typography variant="body2">{translate('app.job.attempts', { attempts: Math.max(run.attempts, 1), max: run.maxAttempts })}</Typography>;
};

/** Refreshes every 2 s while any job on the page is still queued, running or retrying. */
const whileRunning = (query: { state: { data?: { data?: JobRun[] } } }) =>
  query.state.data?.data?.some((run) => isRunning(run.status)) ? 2000 : false;

const Column = DataTable.Col<JobRun>;

const JobRunList = () => {
  const gate = useResourceQueryGate('job-runs');
  return (
  <List
    filters={filters}
    actions={<Actions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    exporter={false}
    perPage={25}
    queryOptions={{ ...gate, refetchInterval: whileRunning }}
    // Keep the toolbar (self-test, queue board) even before the first job ever ran.
    empty={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="title" disableSort render={(r) => <JobTitle run={r} />} />
      <Column source="status" disableSort render={(r) => <JobStatusChip status={r.status} />} />
      <Column source="progress" disableSort render={(r) => <JobProgressBar run={r} />} />
      <Column source="attempts" disableSort render={(r) => <Attempts run={r} />} />
      <Column source="entityId" disableSort render={(r) => <EntityLink entityType={r.entityType} entityId={r.entityId} />} />
      <Column source="createdAt" disableSort render={(r) => <DateTime value={r.createdAt} />} />
      <Column source="finishedAt" disableSort render={(r) => <DateTime value={r.finishedAt} />} />
    </DataTable>
  </List>
  );
};

export default JobRunList;
