import { Chip, type ChipProps } from '@mui/material';
import { useDomainLabels } from '../../i18n/labels';
import type { ReleaseStatus } from './types';

const COLORS: Record<ReleaseStatus, ChipProps['color']> = {
  draft: 'default',
  anonymizing: 'info',
  in_review: 'warning',
  approved: 'primary',
  publishing: 'info',
  published: 'success',
  retracted: 'error',
};

export const ReleaseStatusChip = ({ status }: { status: ReleaseStatus | undefined }) => {
  const labels = useDomainLabels();
  if (!status) return null;
  return <Chip size="small" color={COLORS[status]} label={labels.state('release', status)} data-state={status} data-testid="release-status" />;
};
