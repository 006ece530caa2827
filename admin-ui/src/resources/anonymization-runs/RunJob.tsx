import { useGetList, useRefresh } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { JobProgress } from '../../components/JobProgress';
import type { JobRun } from '../job-runs/types';

/** The run's background job, live while it works (records loaded, lattice nodes checked, output written). */
export const RunJob = ({ runId, working }: { runId: string; working: boolean }) => {
  const refresh = useRefresh();
  const gate = useResourceQueryGate('job-runs');
  const { data } = useGetList<JobRun>(
    'job-runs',
    { filter: { entityType: 'anonymization_run', entityId: runId }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 1 } },
    { ...gate, refetchInterval: working ? 1000 : false },
  );
  const job = data?.[0];
  if (!job) return null;
  return <JobProgress jobRunId={job.id} onFinished={() => refresh()} />;
};
