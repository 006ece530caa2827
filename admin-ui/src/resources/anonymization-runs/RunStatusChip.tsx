import { Chip, type ChipProps } from '@mui/material';
import { useDomainLabels } from '../../i18n/labels';
import type { RunStatus } from './types';

const COLORS: Record<RunStatus, ChipProps['color']> = {
  queued: 'default',
  running: 'info',
  completed: 'primary',
  approved: 'success',
  rejected: 'warning',
  failed: 'error',
};

export const RunStatusChip = ({ status }: { status: RunStatus | undefined }) => {
  const labels = useDomainLabels();
  if (!status) return null;
  return <Chip size="small" color={COLORS[status]} label={labels.state('anonymization_run', status)} data-state={status} data-testid="run-status" />;
};
