import { Alert } from '@mui/material';
import { Labeled, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import { EntityLink } from '../../components/EntityLink';
import { JobProgress } from '../../components/JobProgress';
import { JsonBlock, Mono } from '../../components/JsonBlock';
import { useDomainLabels } from '../../i18n/labels';
import { QueueBoardLink } from './actions/QueueBoardLink';
import type { JobRun } from './types';

const Title = () => {
  const run = useRecordContext<JobRun>();
  const labels = useDomainLabels();
  return <>{run ? labels.jobTitle(run.name, run.title) : ''}</>;
};

const RunBody = () => {
  const run = useRecordContext<JobRun>();
  if (!run) return null;
  return (
    <SimpleShowLayout>
      <Labeled source="progress"><JobProgress jobRunId={run.id} withLink={false} /></Labeled>
      {run.error && (
        <Labeled source="error">
          <Alert severity={run.status === 'failed' ? 'error' : 'warning'} data-testid="job-run-error">{run.error}</Alert>
        </Labeled>
      )}
      <Labeled source="result"><JsonBlock value={run.result} testId="job-run-result" /></Labeled>
      <TextField source="name" />
      <TextField source="queue" />
      <Labeled source="jobId"><Mono>{run.jobId}</Mono></Labeled>
      {run.entityType && <Labeled source="entityId"><EntityLink entityType={run.entityType} entityId={run.entityId} /></Labeled>}
      <Labeled source="createdAt"><DateTime value={run.createdAt} /></Labeled>
      <Labeled source="startedAt"><DateTime value={run.startedAt} /></Labeled>
      <Labeled source="finishedAt"><DateTime value={run.finishedAt} /></Labeled>
    </SimpleShowLayout>
  );
};

const JobRunShow = () => (
  // JobProgress polls the same cached record, so the error and result below update with it.
  <Show title={<Title />} actions={<TopToolbar><QueueBoardLink /></TopToolbar>} queryOptions={useResourceQueryGate('job-runs')}>
    <RunBody />
  </Show>
);

export default JobRunShow;
