import { useEffect, useRef } from 'react';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useGetOne, useTranslate } from 'react-admin';
import { useResourceQueryGate } from '../auth/useResourceQueryGate';
import { useDomainLabels } from '../i18n/labels';
import { JobProgressBar } from '../resources/job-runs/JobProgressBar';
import { JobStatusChip } from '../resources/job-runs/JobStatusChip';
import { isRunning, type JobRun } from '../resources/job-runs/types';

export interface JobProgressProps {
  jobRunId: string;
  /** Called once when the job ends (completed or failed), e.g. to refresh the page's record. */
  onFinished?(run: JobRun): void;
  /** Show a link to the job's own page. */
  withLink?: boolean;
}

/** Live state of one background job: polls every second while it runs, then shows the outcome. */
export const JobProgress = ({ jobRunId, onFinished, withLink = true }: JobProgressProps) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const labels = useDomainLabels();
  // Viewers and partner users may not read jobs (API permission jobs.read): they see nothing here.
  const gate = useResourceQueryGate('job-runs');
  const { data: run, error } = useGetOne<JobRun>(
    'job-runs',
    { id: jobRunId },
    { ...gate, refetchInterval: (query) => (!query.state.data || isRunning(query.state.data.status) ? 1000 : false) },
  );
  const lastStatus = useRef<JobRun['status'] | undefined>(undefined);
  useEffect(() => {
    if (!run) return;
    const previous = lastStatus.current;
    lastStatus.current = run.status;
    if (previous && isRunning(previous) && !isRunning(run.status)) onFinished?.(run);
  }, [run, onFinished]);

  const title = run ? labels.jobTitle(run.name, run.title) : '';
  if (!gate.enabled) return null;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!run) return null;
  return (
    <Box data-testid="job-progress" data-status={run.status}>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
        <JobStatusChip status={run.status} />
        <Typography variant="body2">
          {withLink ? <Link to={createPath({ resource: 'job-runs', type: 'show', id: run.id })}>{title}</Link> : title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.job.attempts', { attempts: Math.max(run.attempts, 1), max: run.maxAttempts })}
        </Typography>
      </Stack>
      <JobProgressBar run={run} />
      {run.status === 'failed' && run.error && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="job-error">
          {run.error}
        </Alert>
      )}
    </Box>
  );
};
