import { Chip, type ChipProps } from '@mui/material';
import { useDomainLabels } from '../../i18n/labels';
import type { JobRunStatus } from './types';

const COLORS: Record<JobRunStatus, ChipProps['color']> = {
  queued: 'default',
  active: 'info',
  retrying: 'warning',
  completed: 'success',
  failed: 'error',
};

export const JobStatusChip = ({ status }: { status: JobRunStatus | undefined }) => {
  const labels = useDomainLabels();
  if (!status) return null;
  return <Chip size="small" color={COLORS[status]} label={labels.jobStatus(status)} data-status={status} />;
};
