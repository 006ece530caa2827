import { Alert, Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { JobProgressBar } from '../job-runs/JobProgressBar';
import { JobStatusChip } from '../job-runs/JobStatusChip';
import { isRunning, type JobRun } from '../job-runs/types';
import { ARTIFACT_ORDER, type ReleaseDetail } from './types';

/**
 * The latest publication attempt's jobs, in build order: one per artifact (microdata, codebook CSV,
 * codebook PDF, report), then the publish job that writes the manifest and records the release.
 */
export function latestAttempt(jobs: JobRun[]): JobRun[] {
  const parent = jobs.find((j) => j.name === 'releases.publish');
  if (!parent) return [];
  const children = jobs.filter((j) => j.jobId.startsWith(`${parent.jobId}-`));
  const rank = (j: JobRun) => ARTIFACT_ORDER.indexOf(j.jobId.slice(parent.jobId.length + 1) as never);
  return [...children.sort((a, b) => rank(a) - rank(b)), parent];
}

export const PublicationProgress = ({ release }: { release: ReleaseDetail }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const gate = useResourceQueryGate('job-runs');
  const publishing = release.status === 'publishing';
  const { data } = useGetList<JobRun>(
    'job-runs',
    { filter: { entityType: 'release', entityId: release.id }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 50 } },
    { ...gate, refetchInterval: (query) => (publishing || (query.state.data?.data ?? []).some((j) => isRunning(j.status)) ? 1000 : false) },
  );
  const jobs = latestAttempt(data ?? []);
  if (!gate.enabled || !jobs.length) return null;
  const parentJobId = jobs[jobs.length - 1].jobId;
  const failed = jobs.find((j) => j.status === 'failed');
  return (
    <Card variant="outlined" data-testid="publication-progress" data-publishing={publishing}>
      <CardHeader title={translate('app.releases.publication_title')} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {failed && release.status === 'approved' && (
          <Alert severity="error" sx={{ mb: 1 }} data-testid="publication-failed">{translate('app.releases.publication_failed', { error: failed.error ?? '' })}</Alert>
        )}
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.releases.step')}</TableCell>
              <TableCell>{translate('resources.job-runs.fields.status')}</TableCell>
              <TableCell sx={{ width: '45%' }}>{translate('resources.job-runs.fields.progress')}</TableCell>
              <TableCell>{translate('resources.job-runs.fields.attempts')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {jobs.map((j) => {
              const kind = j.jobId === parentJobId ? 'publish' : j.jobId.slice(parentJobId.length + 1);
              return (
                <TableRow key={j.id} data-job={kind} data-status={j.status}>
                  <TableCell>
                    <Link to={createPath({ resource: 'job-runs', type: 'show', id: j.id })}>{translate(`app.releases.jobs.${kind}`, { _: kind })}</Link>
                  </TableCell>
                  <TableCell><JobStatusChip status={j.status} /></TableCell>
                  <TableCell>
                    <JobProgressBar run={j} />
                    {j.status === 'failed' && j.error && <Typography variant="caption" color="error">{j.error}</Typography>}
                  </TableCell>
                  <TableCell>{`${Math.max(j.attempts, 1)} / ${j.maxAttempts}`}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
