import { Chip, type ChipProps } from '@mui/material';
import { useDomainLabels } from '../../i18n/labels';
import type { SubmissionStatus } from './types';

const COLORS: Record<SubmissionStatus, ChipProps['color']> = {
  received: 'default',
  profiling: 'info',
  profiled: 'primary',
  harmonizing: 'info',
  harmonized: 'success',
  failed: 'error',
  rejected: 'warning',
};

export const SubmissionStatusChip = ({ status }: { status: SubmissionStatus | undefined }) => {
  const labels = useDomainLabels();
  if (!status) return null;
  return <Chip size="small" color={COLORS[status]} label={labels.state('submission', status)} data-state={status} data-testid="submission-status" />;
};
