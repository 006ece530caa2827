import { useState, type ReactNode } from 'react';
import {
  Accordion, AccordionDetails, AccordionSummary, Alert, Box, Button, Card, CardContent, CardHeader, CircularProgress, Stack, Table, TableBody,
  TableCell, TableHead, TableRow, Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import EditIcon from '@mui/icons-material/Edit';
import { useQuery } from '@tanstack/react-query';
import {
  Link, Show, TopToolbar, useCreatePath, useGetList, usePermissions, useRecordContext, useRedirect, useTranslate,
} from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { rolesAllow } from '../../auth/permissions';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import { EntityHistory } from '../../components/EntityHistory';
import { ArxImportDialog } from './ArxImportDialog';
import { heightOf } from './hierarchy';
import { LevelsPreview } from './LevelsPreview';
import type { HierarchyPreview, PolicyRow, PolicySummary } from './types';

const Title = () => {
  const p = useRecordContext<PolicyRow>();
  const translate = useTranslate();
  return <>{p ? translate('app.policies.name_version', { name: p.name, version: p.version }) : ''}</>;
};

const Actions = () => {
  const p = useRecordContext<PolicyRow>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { permissions: roles } = usePermissions<string[]>();
  if (!p?.policy || !rolesAllow(roles ?? [], 'policies.write')) return null;
  return (
    <TopToolbar>
      <Button component={Link} to={`${createPath({ resource: 'policies', type: 'create' })}?basedOn=${encodeURIComponent(p.id)}`} startIcon={<EditIcon />} variant="contained" size="small">
        {translate('app.policies.new_version')}
      </Button>
    </TopToolbar>
  );
};

const Param = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ minWidth: 160 }}>
    <Typography variant="caption" color="text.secondary" component="div">{label}</Typography>
    <Typography variant="body1" component="div">{children}</Typography>
  </Box>
);

const Parameters = ({ p }: { p: PolicyRow }) => {
  const translate = useTranslate();
  const { policy } = p;
  return (
    <Card variant="outlined" data-testid="policy-parameters">
      <CardContent>
        {p.description && <Typography sx={{ mb: 2 }}>{p.description}</Typography>}
        <Stack direction="row" spacing={3} useFlexGap flexWrap="wrap">
          <Param label={translate('resources.policies.fields.k')}>{policy.k}</Param>
          <Param label={translate('resources.policies.fields.suppressionLimit')}>{`${+(policy.suppressionLimit * 100).toFixed(2)} %`}</Param>
          <Param label={translate('resources.policies.fields.lDiversity')}>
            {policy.lDiversity ? translate('app.policies.l_diversity_value', policy.lDiversity) : translate('app.policies.l_diversity_none')}
          </Param>
          <Param label={translate('resources.policies.fields.riskThreshold')}>
            {policy.riskThreshold != null ? policy.riskThreshold : translate('app.policies.risk_default', { value: +(1 / policy.k).toFixed(4) })}
          </Param>
          <Param label={translate('resources.policies.fields.createdAt')}><DateTime value={p.createdAt} /></Param>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The levels of one hierarchy, fetched from the server when its row is opened. */
const QiPreview = ({ policyId, qi }: { policyId: string; qi: string }) => {
  const { data, error, isPending } = useQuery({
    queryKey: ['policies', policyId, 'preview', qi],
    queryFn: () => apiCall<HierarchyPreview[]>('GET', `/policies/${encodeURIComponent(policyId)}/preview?qi=${encodeURIComponent(qi)}`),
  });
  if (isPending) return <CircularProgress size={20} />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  const preview = data?.[0];
  return preview ? <LevelsPreview levels={preview.levels} maxLevel={preview.maxLevel} testId={`preview-${qi}`} /> : null;
};

const QuasiIdentifiers = ({ p }: { p: PolicyRow }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { permissions: roles } = usePermissions<string[]>();
  const canWrite = rolesAllow(roles ?? [], 'policies.write');
  const [open, setOpen] = useState<string | false>(false);
  const [importing, setImporting] = useState<string | null>(null);
  const { run, pending, failure, clearFailure } = useApiAction();

  const importCsv = async (qi: string, csv: string) => {
    const done = await run(() => apiCall<PolicyRow>('POST', `/policies/${encodeURIComponent(p.id)}/hierarchies/${encodeURIComponent(qi)}`, { csv }), 'app.policies.imported');
    if (done.ok) {
      setImporting(null);
      redirect('show', 'policies', done.value.id);
    }
  };

  return (
    <Card variant="outlined" data-testid="policy-qis">
      <CardHeader title={translate('app.policies.qis_title')} subheader={translate('app.policies.qis_help')} slotProps={{ title: { variant: 'subtitle1', component: 'h2' }, subheader: { variant: 'body2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {p.policy.qis.map((qi) => {
          const height = heightOf(p.policy.hierarchies[qi]?.rows);
          const max = p.policy.maxLevels[qi];
          return (
            <Accordion key={qi} disableGutters expanded={open === qi} onChange={(_, on) => setOpen(on ? qi : false)} data-qi={qi} slotProps={{ transition: { unmountOnExit: true } }}>
              <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                <Stack direction="row" spacing={2} alignItems="center" sx={{ width: '100%' }}>
                  <Typography sx={{ fontFamily: 'monospace', minWidth: 220 }}>{qi}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {translate('app.policies.height_max', { height, max: max ?? height })}
                  </Typography>
                </Stack>
              </AccordionSummary>
              <AccordionDetails>
                <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
                  <Button
                    size="small"
                    variant="outlined"
                    startIcon={<DownloadIcon />}
                    href={`/api/policies/${encodeURIComponent(p.id)}/hierarchies/${encodeURIComponent(qi)}`}
                    download
                    data-testid={`export-${qi}`}
                  >
                    {translate('app.policies.export')}
                  </Button>
                  {canWrite && (
                    <Button size="small" variant="outlined" startIcon={<UploadIcon />} onClick={() => { clearFailure(); setImporting(qi); }} data-testid={`import-${qi}`}>
                      {translate('app.policies.import')}
                    </Button>
                  )}
                </Stack>
                <QiPreview policyId={p.id} qi={qi} />
              </AccordionDetails>
            </Accordion>
          );
        })}
        {importing && (
          <ArxImportDialog qi={importing} pending={pending} failure={failure} onCancel={() => setImporting(null)} onImport={(csv) => void importCsv(importing, csv)} />
        )}
      </CardContent>
    </Card>
  );
};

const Versions = ({ p }: { p: PolicyRow }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data } = useGetList<PolicySummary>('policies', { filter: { name: p.name }, sort: { field: 'version', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  if (!data || data.length < 2) return null;
  return (
    <Card variant="outlined" data-testid="policy-versions">
      <CardHeader title={translate('app.policies.versions_title')} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.policies.fields.version')}</TableCell>
              <TableCell>{translate('resources.policies.fields.qis')}</TableCell>
              <TableCell>k</TableCell>
              <TableCell>{translate('resources.policies.fields.suppressionLimit')}</TableCell>
              <TableCell>{translate('resources.policies.fields.createdAt')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((v) => (
              <TableRow key={v.id} selected={v.id === p.id}>
                <TableCell>
                  {v.id === p.id ? `v${v.version}` : <Link to={createPath({ resource: 'policies', type: 'show', id: v.id })}>{`v${v.version}`}</Link>}
                </TableCell>
                <TableCell>{v.qis.length}</TableCell>
                <TableCell>{v.k}</TableCell>
                <TableCell>{`${+(v.suppressionLimit * 100).toFixed(2)} %`}</TableCell>
                <TableCell><DateTime value={v.createdAt} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

const PolicyBody = () => {
  const p = useRecordContext<PolicyRow>();
  // Coming from the list, the record is first the list's summary (no hierarchies) until the detail arrives.
  if (!p?.policy) return <CircularProgress size={24} sx={{ m: 2 }} />;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Parameters p={p} />
      <QuasiIdentifiers p={p} />
      <Versions p={p} />
      <EntityHistory entityType="anonymization_policy" entityId={p.id} />
    </Stack>
  );
};

const PolicyShow = () => (
  <Show title={<Title />} actions={<Actions />} queryOptions={useResourceQueryGate('policies')}>
    <PolicyBody />
  </Show>
);

export default PolicyShow;
