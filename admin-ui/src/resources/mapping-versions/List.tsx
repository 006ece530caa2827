import { useMemo, useState } from 'react';
import { Alert, Card, CardContent, Divider, Tab, Tabs, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useGetList, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useDomainLabels } from '../../i18n/labels';
import type { PartnerRow } from '../partners/types';
import type { MappingStatus, MappingVersionRow } from './types';
import { VersionTable } from './VersionTable';

const STATUSES: MappingStatus[] = ['in_review', 'draft', 'changes_requested', 'approved', 'superseded'];
const ALL = 'all';

/**
 * Mapping versions of every partner, the ones waiting for review first. The API lists the 200
 * most recently changed (filtered by state), so this page pages nothing itself.
 */
const MappingVersionList = () => {
  const translate = useTranslate();
  const labels = useDomainLabels();
  const [status, setStatus] = useState<string>('in_review');
  const { data: versions, error } = useQuery({
    queryKey: ['mapping-versions', 'list', status],
    queryFn: () => apiCall<MappingVersionRow[]>('GET', `/mapping-versions${status === ALL ? '' : `?status=${status}`}`),
  });
  const { data: partners } = useGetList<PartnerRow>('partners', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } });
  const names = useMemo(() => new Map((partners ?? []).map((p) => [p.id, p.name])), [partners]);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('resources.mapping-versions.name', { smart_count: 2 })} />
      <Tabs value={status} onChange={(_, s: string) => setStatus(s)} variant="scrollable">
        {STATUSES.map((s) => <Tab key={s} value={s} label={labels.state('mapping_version', s)} data-state={s} />)}
        <Tab value={ALL} label={translate('app.mapping.all_versions')} />
      </Tabs>
      <Divider />
      <CardContent>
        {error ? <Alert severity="error">{error.message}</Alert> : <VersionTable versions={versions ?? []} partnerNames={names} />}
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>{translate('app.mapping.list_help')}</Typography>
      </CardContent>
    </Card>
  );
};

export default MappingVersionList;
