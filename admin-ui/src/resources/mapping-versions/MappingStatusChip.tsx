import { Chip, type ChipProps } from '@mui/material';
import { useDomainLabels } from '../../i18n/labels';
import type { MappingStatus } from './types';

const COLORS: Record<MappingStatus, ChipProps['color']> = {
  draft: 'default',
  in_review: 'info',
  changes_requested: 'warning',
  approved: 'success',
  superseded: 'default',
};

export const MappingStatusChip = ({ status }: { status: MappingStatus | undefined }) => {
  const labels = useDomainLabels();
  if (!status) return null;
  return (
    <Chip size="small" color={COLORS[status]} variant={status === 'superseded' ? 'outlined' : 'filled'}
      label={labels.state('mapping_version', status)} data-state={status} data-testid="mapping-status" />
  );
};
