import { Chip, Stack, Typography, type ChipProps } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { JobProgressBar } from '../job-runs/JobProgressBar';
import type { JobRun } from '../job-runs/types';
import { reportWorking, type ReportRow } from './types';

const COLORS: Record<ReportRow['status'], ChipProps['color']> = { queued: 'default', running: 'info', completed: 'success', failed: 'error' };

/** Status, with the report job's live progress while it works (for staff who may read jobs). */
export const ReportStatus = ({ report }: { report: ReportRow }) => {
  const translate = useTranslate();
  const gate = useResourceQueryGate('job-runs');
  const working = reportWorking(report.status);
  const { data } = useGetList<JobRun>(
    'job-runs',
    { filter: { entityType: 'report', entityId: report.id }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 1 } },
    { enabled: gate.enabled && working, refetchInterval: working ? 1000 : false },
  );
  const job = data?.[0];
  return (
    <Stack spacing={0.5} data-testid="report-status" data-status={report.status}>
      <Chip size="small" color={COLORS[report.status]} label={translate(`app.reports.statuses.${report.status}`)} sx={{ alignSelf: 'flex-start' }} />
      {working && job && <JobProgressBar run={job} />}
      {report.status === 'failed' && report.failureReason && <Typography variant="caption" color="error">{report.failureReason}</Typography>}
    </Stack>
  );
};
