import type { ReactNode } from 'react';
import { Alert, AlertTitle, Box, Card, CircularProgress, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, Show, TopToolbar, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import { EntityHistory } from '../../components/EntityHistory';
import { EntityLink } from '../../components/EntityLink';
import { WORKFLOWS } from '../../workflow';
import { WorkflowActions } from '../../workflow/WorkflowActions';
import { useFormat } from '../anonymization-runs/format';
import { useHistoryRefresh } from '../anonymization-runs/use-history-refresh';
import { ArtifactsTable } from './ArtifactsTable';
import { PublicationProgress } from './PublicationProgress';
import { ReleaseStatusChip } from './ReleaseStatusChip';
import { RunsPanel } from './RunsPanel';
import { SignoffPanel } from './SignoffPanel';
import { StartAnonymizationButton } from './StartAnonymizationButton';
import type { ReleaseDetail } from './types';

// Publishing and retracting are the release manager's buttons; sign-off has its own panel and
// starting anonymization its own dialog (it needs a policy), so the table is narrowed to these.
const byHand = { ...WORKFLOWS.release, transitions: WORKFLOWS.release.transitions.filter((t) => t.action === 'publish' || t.action === 'retract') };

const WORKING = ['anonymizing', 'publishing'];

const Title = () => {
  const r = useRecordContext<ReleaseDetail>();
  const translate = useTranslate();
  return <>{r ? translate('app.releases.title', { version: r.version, title: r.title }) : ''}</>;
};

const Actions = () => {
  const r = useRecordContext<ReleaseDetail>();
  if (!r?.submissions) return null;
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
      <ReleaseStatusChip status={r.status} />
      <StartAnonymizationButton release={r} />
      <WorkflowActions workflow={byHand} record={r} resource="releases" />
    </TopToolbar>
  );
};

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack direction="row" spacing={1} alignItems="baseline">
    <Typography variant="body2" color="text.secondary" sx={{ minWidth: 160 }}>{label}</Typography>
    <Box sx={{ flex: 1 }}>{children}</Box>
  </Stack>
);

const Overview = ({ r }: { r: ReleaseDetail }) => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <Card variant="outlined" data-testid="release-overview">
      <CardContent>
        <Stack spacing={1}>
          {r.description && <Typography sx={{ mb: 1 }}>{r.description}</Typography>}
          <Row label={translate('resources.releases.fields.version')}><Typography variant="body2">{r.version}</Typography></Row>
          <Row label={translate('resources.releases.fields.standardId')}><Typography variant="body2">{r.standardId}</Typography></Row>
          <Row label={translate('app.releases.records_in')}><Typography variant="body2" data-testid="release-records">{format.int(r.records)}</Typography></Row>
          {r.approvedRunId && (
            <Row label={translate('app.releases.approved_run')}>
              <EntityLink entityType="anonymization_run" entityId={r.approvedRunId} withType={false} />
            </Row>
          )}
          <Row label={translate('resources.releases.fields.createdAt')}><DateTime value={r.createdAt} /></Row>
          {r.publishedAt && <Row label={translate('resources.releases.fields.publishedAt')}><DateTime value={r.publishedAt} /></Row>}
          {r.citation && (
            <Row label={translate('resources.releases.fields.citation')}>
              <Typography variant="body2" data-testid="release-citation">{r.citation}</Typography>
            </Row>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

const Composition = ({ r }: { r: ReleaseDetail }) => {
  const translate = useTranslate();
  const format = useFormat();
  const createPath = useCreatePath();
  const partners = new Set(r.submissions.map((s) => s.partnerId)).size;
  return (
    <Card variant="outlined" data-testid="release-composition">
      <CardHeader title={translate('app.releases.composition')}
        subheader={translate('app.releases.composition_summary', { smart_count: r.submissions.length, partners, records: format.int(r.records) })}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' }, subheader: { variant: 'body2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {!r.submissions.length ? <Typography color="text.secondary">{translate('app.releases.no_submissions')}</Typography> : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.releases.partner')}</TableCell>
                <TableCell>{translate('app.releases.file')}</TableCell>
                <TableCell align="right">{translate('app.releases.records')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {r.submissions.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>{s.partnerName}</TableCell>
                  <TableCell><Link to={createPath({ resource: 'submissions', type: 'show', id: s.id })}>{s.originalName}</Link></TableCell>
                  <TableCell align="right">{format.int(s.recordCount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};

const ReleaseBody = () => {
  const r = useRecordContext<ReleaseDetail>();
  const translate = useTranslate();
  useHistoryRefresh(r?.status);
  // Coming from the list, the record is first the list's row (no composition) until the detail arrives.
  if (!r?.submissions) return <CircularProgress size={24} sx={{ m: 2 }} />;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      {r.status === 'retracted' && (
        <Alert severity="error" data-testid="release-retracted">
          <AlertTitle>{translate('app.releases.retracted_title')}</AlertTitle>
          {r.retractionReason}
          {r.retractedAt && <> · <DateTime value={r.retractedAt} /></>}
        </Alert>
      )}
      <Overview r={r} />
      <Composition r={r} />
      <RunsPanel release={r} />
      <SignoffPanel release={r} />
      <PublicationProgress release={r} />
      <ArtifactsTable release={r} />
      <EntityHistory entityType="release" entityId={r.id} />
    </Stack>
  );
};

const ReleaseShow = () => {
  const gate = useResourceQueryGate('releases');
  return (
    <Show
      title={<Title />}
      actions={<Actions />}
      queryOptions={{ ...gate, refetchInterval: (query) => (WORKING.includes((query.state.data as ReleaseDetail | undefined)?.status ?? '') ? 2000 : false) }}
    >
      <ReleaseBody />
    </Show>
  );
};

export default ReleaseShow;
