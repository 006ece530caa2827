import { lazy, Suspense, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Card, CardContent, CardHeader, CircularProgress, Grid, Stack, Typography } from '@mui/material';
import { Link, Show, useCreatePath, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import { EntityHistory } from '../../components/EntityHistory';
import { useDomainLabels } from '../../i18n/labels';
import { WORKFLOWS } from '../../workflow';
import { WorkflowActions } from '../../workflow/WorkflowActions';
import { ComparisonTable } from './ComparisonTable';
import { DifferencingPanel } from './DifferencingPanel';
import { useFormat } from './format';
import { LevelsTable } from './LevelsTable';
import { RunJob } from './RunJob';
import { RunStatusChip } from './RunStatusChip';
import { useHistoryRefresh } from './use-history-refresh';
import { RUN_WORKING, type RunDetail } from './types';

const RunCharts = lazy(() => import('./RunCharts'));

const Title = () => {
  const run = useRecordContext<RunDetail>();
  const translate = useTranslate();
  return <>{run ? translate('app.runs.title', { version: run.releaseVersion }) : ''}</>;
};

const Section = ({ title, subheader, children, testId }: { title: string; subheader?: ReactNode; children: ReactNode; testId?: string }) => (
  <Card variant="outlined" data-testid={testId}>
    <CardHeader title={title} subheader={subheader} slotProps={{ title: { variant: 'subtitle1', component: 'h2' }, subheader: { variant: 'body2' } }} />
    <CardContent sx={{ pt: 0 }}>{children}</CardContent>
  </Card>
);

/** One headline number with its label, as a privacy officer reads it before the tables. */
const Figure = ({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId: string }) => (
  <Box sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1, height: '100%' }} data-testid={testId}>
    <Typography variant="caption" color="text.secondary" component="div">{label}</Typography>
    <Typography variant="h6" component="div" data-testid={`${testId}-value`}>{value}</Typography>
    {hint && <Typography variant="caption" color="text.secondary" component="div">{hint}</Typography>}
  </Box>
);

const Overview = ({ run }: { run: RunDetail }) => {
  const translate = useTranslate();
  const labels = useDomainLabels();
  const createPath = useCreatePath();
  const { identity } = useGetIdentity();
  const p = run.policySnapshot;
  const isStarter = !!identity && identity.id === run.startedBy;
  const row = (label: string, value: ReactNode) => (
    <Stack direction="row" spacing={1} alignItems="baseline">
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 180 }}>{label}</Typography>
      <Box>{value}</Box>
    </Stack>
  );
  return (
    <Card variant="outlined" data-testid="run-overview">
      <CardContent>
        <Stack spacing={1}>
          <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
            <RunStatusChip status={run.status} />
            <Typography variant="body2">
              <Link to={createPath({ resource: 'releases', type: 'show', id: run.releaseId })} data-testid="run-release-link">
                {translate('app.runs.release_link', { version: run.releaseVersion })}
              </Link>
              {' · '}
              <span data-testid="run-release-status">{labels.state('release', run.releaseStatus)}</span>
            </Typography>
            <Box sx={{ flex: 1 }} />
            <WorkflowActions workflow={WORKFLOWS.anonymization_run} record={run} resource="anonymization-runs" />
          </Stack>
          {isStarter && ['completed'].includes(run.status) && (
            <Alert severity="info" data-testid="run-starter-note">{translate('app.runs.starter_note')}</Alert>
          )}
          {row(translate('app.runs.policy'), (
            <Link to={createPath({ resource: 'policies', type: 'show', id: run.policyId })}>
              {translate('app.policies.name_version', { name: run.policyName, version: run.policyVersion })}
            </Link>
          ))}
          {row(translate('app.runs.parameters'), (
            <Typography variant="body2" data-testid="run-parameters">
              {[
                `k = ${p.k}`,
                translate('app.policies.suppression_limit_value', { value: `${+(p.suppressionLimit * 100).toFixed(2)} %` }),
                p.lDiversity ? translate('app.policies.l_diversity_value', { l: p.lDiversity.l, variable: p.lDiversity.variable }) : null,
                translate('app.runs.qis_count', { smart_count: p.qis.length }),
              ].filter(Boolean).join(' · ')}
            </Typography>
          ))}
          {row(translate('app.runs.started_by'), (
            <Typography variant="body2">{run.startedByName ?? '—'} · <DateTime value={run.createdAt} /></Typography>
          ))}
          {run.decidedAt && row(translate('app.runs.decided_by'), (
            <Typography variant="body2" data-testid="run-decision">
              {run.decidedByName ?? '—'} · <DateTime value={run.decidedAt} />{run.decisionReason ? ` · ${run.decisionReason}` : ''}
            </Typography>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};

const Figures = ({ run }: { run: RunDetail }) => {
  const translate = useTranslate();
  const format = useFormat();
  const m = run.measures!;
  const so = m.suppressionOnly;
  return (
    <Grid container spacing={1.5} data-testid="run-figures">
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure testId="fig-records-in" label={translate('app.runs.records_in')} value={format.int(m.records.in)} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure testId="fig-kept" label={translate('app.runs.records_kept')} value={format.int(m.records.kept)}
          hint={translate('app.runs.vs_suppression_only', { kept: format.int(so.records.kept) })} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure testId="fig-suppressed" label={translate('app.runs.records_suppressed')} value={`${format.int(m.records.suppressed)} (${format.pct(m.records.suppressedShare)})`}
          hint={translate('app.runs.limit', { limit: format.pct(m.policy.suppressionLimit) })} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure testId="fig-classes" label={translate('app.runs.classes')} value={format.int(m.classes.count)}
          hint={translate('app.runs.smallest_largest', { smallest: format.int(m.classes.smallest), largest: format.int(m.classes.largest) })} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure testId="fig-risk-highest" label={translate('app.runs.risk_highest')} value={format.pct(m.risk.highest)} hint={translate('app.runs.risk_highest_help')} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure testId="fig-risk-average" label={translate('app.runs.risk_average')} value={format.pct(m.risk.average)} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure testId="fig-risk-above" label={translate('app.runs.risk_above', { threshold: format.pct(m.risk.threshold) })} value={format.pct(m.risk.recordsAboveThresholdShare)} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Figure testId="fig-loss" label={translate('app.runs.loss_total', { measure: m.informationLoss.measure })} value={format.dec(m.informationLoss.total)}
          hint={translate('app.runs.loss_help')} />
      </Grid>
    </Grid>
  );
};

const Outcome = ({ run }: { run: RunDetail }) => {
  const translate = useTranslate();
  const format = useFormat();
  const m = run.measures;
  if (!m) return null;
  return (
    <>
      {!m.found && <Alert severity="error" data-testid="run-no-solution">{translate('app.runs.no_solution')}</Alert>}
      <Section title={translate('app.runs.outcome')} testId="run-outcome"
        subheader={translate('app.runs.search_summary', {
          checked: format.int(m.search.nodesChecked), total: format.int(m.search.nodesTotal), combinations: format.int(m.search.distinctCombinations),
          seconds: format.dec(m.timing.totalMs / 1000),
        })}
      >
        <Figures run={run} />
        {m.verification && (
          <Alert severity={m.verification.ok ? 'success' : 'error'} sx={{ mt: 1.5 }} data-testid="run-verification">
            {translate(m.verification.ok ? 'app.runs.verified' : 'app.runs.not_verified', { rows: format.int(m.verification.rows), k: m.verification.k, smallest: format.int(m.verification.smallestClass) })}
          </Alert>
        )}
      </Section>
      <Section title={translate('app.runs.levels_title')} subheader={translate('app.runs.levels_help')}>
        <LevelsTable measures={m} policy={run.policySnapshot} />
      </Section>
      <Section title={translate('app.runs.comparison_title')} subheader={translate('app.runs.comparison_help')}>
        <ComparisonTable run={run} />
      </Section>
      <Suspense fallback={<CircularProgress size={24} />}>
        <RunCharts measures={m} />
      </Suspense>
      <DifferencingPanel run={run} />
    </>
  );
};

const RunBody = () => {
  const run = useRecordContext<RunDetail>();
  const translate = useTranslate();
  useHistoryRefresh(run?.status);
  // Coming from a list, the record is first the list's row (no figures) until the detail arrives.
  if (!run?.policySnapshot) return <CircularProgress size={24} sx={{ m: 2 }} />;
  const working = RUN_WORKING.includes(run.status);
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Overview run={run} />
      <RunJob runId={run.id} working={working} />
      {run.status === 'failed' && run.failureReason && (
        <Alert severity="error" data-testid="run-failure">
          <AlertTitle>{translate('app.runs.failed_title')}</AlertTitle>
          {run.failureReason}
        </Alert>
      )}
      <Outcome run={run} />
      <EntityHistory entityType="anonymization_run" entityId={run.id} />
    </Stack>
  );
};

const RunShow = () => {
  const gate = useResourceQueryGate('anonymization-runs');
  return (
    <Show
      title={<Title />}
      actions={false}
      queryOptions={{ ...gate, refetchInterval: (query) => (RUN_WORKING.includes((query.state.data as RunDetail | undefined)?.status ?? 'queued') ? 2000 : false) }}
    >
      <RunBody />
    </Show>
  );
};

export default RunShow;
