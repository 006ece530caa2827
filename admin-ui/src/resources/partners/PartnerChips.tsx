import { Chip, Stack, Tooltip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDomainLabels } from '../../i18n/labels';
import { useCountries } from './countries';
import type { Freshness, PartnerStatus } from './types';

const STATUS_COLORS: Record<PartnerStatus, ChipProps['color']> = {
  prospect: 'default',
  engaged: 'info',
  agreement_pending: 'warning',
  active: 'success',
  suspended: 'error',
  offboarded: 'default',
};

export const PartnerStatusChip = ({ status }: { status: PartnerStatus | undefined }) => {
  const labels = useDomainLabels();
  if (!status) return null;
  return (
    <Chip size="small" color={STATUS_COLORS[status]} variant={status === 'offboarded' ? 'outlined' : 'filled'}
      label={labels.state('partner', status)} data-state={status} data-testid="partner-status" />
  );
};

const FRESHNESS_COLORS: Record<Freshness, ChipProps['color']> = { up_to_date: 'success', due: 'info', overdue: 'warning', delinquent: 'error' };

/** How recent the partner's last contribution is against its cadence (active partners only). */
export const FreshnessChip = ({ freshness }: { freshness: Freshness | null | undefined }) => {
  const translate = useTranslate();
  if (!freshness) return null;
  return <Chip size="small" variant="outlined" color={FRESHNESS_COLORS[freshness]} label={translate(`app.partners.freshness.${freshness}`)} />;
};

/** Country codes as names in the interface language; long lists are cut with the rest in a tooltip. */
export const CountryList = ({ codes, max = 3 }: { codes: string[] | undefined; max?: number }) => {
  const { name } = useCountries();
  if (!codes?.length) return null;
  const names = codes.map(name);
  const shown = names.slice(0, max);
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {shown.map((n) => <Chip key={n} size="small" variant="outlined" label={n} />)}
      {names.length > max && (
        <Tooltip title={names.slice(max).join(', ')}>
          <Chip size="small" label={`+${names.length - max}`} />
        </Tooltip>
      )}
    </Stack>
  );
};
