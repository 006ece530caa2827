import { Divider, Tab, Tabs } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useListContext, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useDomainLabels } from '../../i18n/labels';
import { PARTNER_STATUSES } from './types';

const ALL = 'all';

/** One tab per onboarding state with how many partners it holds under the other filters. */
export const StateTabs = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const labels = useDomainLabels();
  const translate = useTranslate();
  const { status, ...others } = filterValues as { status?: string };
  const { data: counts } = useQuery({
    queryKey: ['partners', 'state-counts', others],
    queryFn: () => apiCall<Record<string, number>>('GET', `/partners/state-counts?filter=${encodeURIComponent(JSON.stringify(others))}`),
  });
  const total = Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
  const label = (text: string, n: number | undefined) => (counts ? `${text} (${n ?? 0})` : text);
  return (
    <>
      <Tabs
        value={status ?? ALL}
        onChange={(_, value: string) => setFilters(value === ALL ? others : { ...others, status: value }, displayedFilters)}
        variant="scrollable"
        scrollButtons="auto"
        aria-label={translate('app.partners.state_tabs')}
        data-testid="partner-state-tabs"
      >
        <Tab value={ALL} label={label(translate('app.partners.all_states'), total)} />
        {PARTNER_STATUSES.map((s) => (
          <Tab key={s} value={s} label={label(labels.state('partner', s), counts?.[s])} data-state={s} />
        ))}
      </Tabs>
      <Divider />
    </>
  );
};
