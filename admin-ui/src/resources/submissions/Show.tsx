import { Alert, AlertTitle, Box, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  DateField, FunctionField, Labeled, Link, NumberField, Show, TabbedShowLayout, TextField, TopToolbar, useCreatePath,
  useLocaleState, usePermissions, useRecordContext, useTranslate,
} from 'react-admin';
import { isSourceFileErrorCode } from '../../../../server/domain/source-files/source-file-error';
import { formatBytes } from '../../api/upload';
import { rolesAllow } from '../../auth/permissions';
import { EntityHistory } from '../../components/EntityHistory';
import { Mono } from '../../components/JsonBlock';
import { WORKFLOWS } from '../../workflow';
import { WorkflowActions } from '../../workflow/WorkflowActions';
import { apiCall } from '../../api/http';
import { useDomainLabels } from '../../i18n/labels';
import { JobProgressBar } from '../job-runs/JobProgressBar';
import { JobStatusChip } from '../job-runs/JobStatusChip';
import { isRunning, type JobRun } from '../job-runs/types';
import { HarmonizationFindings } from './HarmonizationFindings';
import { NewMappingVersionButton } from './NewMappingVersionButton';
import { ProfileTable } from './ProfileTable';
import { RecordsPreview } from './RecordsPreview';
import { SubmissionStatusChip } from './SubmissionStatusChip';
import { WORKING, type SubmissionDetail } from './types';

const Title = () => <>{useRecordContext<SubmissionDetail>()?.originalName ?? ''}</>;

const Actions = () => {
  const s = useRecordContext<SubmissionDetail>();
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
      <SubmissionStatusChip status={s?.status} />
      {s && <NewMappingVersionButton submission={s} />}
      <WorkflowActions workflow={WORKFLOWS.submission} />
    </TopToolbar>
  );
};

interface SubmissionJob {
  id: string;
  name: string;
  status: JobRun['status'];
  progress: number;
  step: string | null;
  attempts: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * The latest background job on this file (profiling or harmonization), live while it runs. It is
 * read through the submission (`/submissions/:id/jobs`), so partner users follow their own files too.
 */
const LatestJob = ({ submission }: { submission: SubmissionDetail }) => {
  const labels = useDomainLabels();
  const createPath = useCreatePath();
  const { permissions: roles } = usePermissions<string[]>();
  const working = WORKING.includes(submission.status);
  const { data: jobs } = useQuery({
    queryKey: ['submissions', submission.id, 'jobs'],
    queryFn: () => apiCall<SubmissionJob[]>('GET', `/submissions/${submission.id}/jobs`),
    refetchInterval: (q) => (working || isRunning(q.state.data?.[0]?.status) ? 1500 : false),
  });
  const run = jobs?.[0];
  if (!run) return null;
  const title = labels.jobTitle(run.name, run.name);
  return (
    <Box data-testid="job-progress" data-status={run.status}>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
        <JobStatusChip status={run.status} />
        <Typography variant="body2">
          {rolesAllow(roles ?? [], 'jobs.read') ? <Link to={createPath({ resource: 'job-runs', type: 'show', id: run.id })}>{title}</Link> : title}
        </Typography>
      </Stack>
      <JobProgressBar run={run} showStep={isRunning(run.status)} />
      {/* The submission's own failure box below says it already, when the job failed the submission. */}
      {run.status === 'failed' && run.error && run.error !== submission.failureReason && <Alert severity="error" sx={{ mt: 1 }} data-testid="job-error">{run.error}</Alert>}
    </Box>
  );
};

const Failure = ({ submission }: { submission: SubmissionDetail }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!submission.failureReason || !['failed', 'rejected'].includes(submission.status)) return null;
  const d = submission.failureDetails;
  // The server words its reasons in English; a file that could not be read also has a code, said
  // here in the reader's language, with the server's precise words after it.
  const summary = locale !== 'en' && isSourceFileErrorCode(d?.code) ? translate(`app.source_errors.${d.code}`) : null;
  return (
    <Alert severity={submission.status === 'failed' ? 'error' : 'warning'} data-testid="submission-failure">
      <AlertTitle>{translate(submission.status === 'failed' ? 'app.submissions.failed_title' : 'app.submissions.rejected_title')}</AlertTitle>
      {summary ? (
        <>
          <Typography data-testid="failure-summary">{summary}</Typography>
          <Typography variant="body2" sx={{ mt: 0.5 }}>{translate('app.submissions.failure_details', { reason: submission.failureReason })}</Typography>
        </>
      ) : submission.failureReason}
      {(d?.row != null || d?.column) && (
        <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="failure-where">
          {[d?.row != null ? translate('app.submissions.at_row', { row: d.row }) : null, d?.column ? translate('app.submissions.at_column', { column: d.column }) : null].filter(Boolean).join(' · ')}
        </Typography>
      )}
      {d?.issues?.map((i, n) => <Typography key={n} variant="body2">{[i.code, i.column, i.variable].filter(Boolean).join(' · ')}</Typography>)}
    </Alert>
  );
};

const Overview = () => {
  const s = useRecordContext<SubmissionDetail>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  if (!s) return null;
  return (
    <Stack spacing={2}>
      <LatestJob submission={s} />
      <Failure submission={s} />
      {s.duplicateOf && (
        <Alert severity="info">
          {translate('app.submissions.duplicate_of')}{' '}
          <Link to={createPath({ resource: 'submissions', type: 'show', id: s.duplicateOf })}>{s.duplicateOf.slice(0, 8)}</Link>
        </Alert>
      )}
      <Stack direction="row" spacing={4} useFlexGap flexWrap="wrap">
        <Labeled source="partnerName">
          <Link to={createPath({ resource: 'partners', type: 'show', id: s.partnerId })}>{s.partnerName}</Link>
        </Labeled>
        <Labeled source="size"><FunctionField render={(r: SubmissionDetail) => formatBytes(r.size, locale)} /></Labeled>
        <Labeled source="format"><TextField source="format" emptyText={s.profile?.format ?? '—'} /></Labeled>
        <Labeled source="recordCount"><NumberField source="recordCount" emptyText="—" data-testid="record-count" /></Labeled>
        {s.profile && <Labeled source="rows"><NumberField source="profile.rowCount" /></Labeled>}
        {s.profile && <Labeled source="encoding"><TextField source="profile.encoding" /></Labeled>}
        {s.mappingVersionId && (
          <Labeled source="mappingVersionId">
            <Link to={createPath({ resource: 'mapping-versions', type: 'show', id: s.mappingVersionId })}>{translate('app.submissions.open_mapping')}</Link>
          </Labeled>
        )}
      </Stack>
      <Stack direction="row" spacing={4} useFlexGap flexWrap="wrap">
        <Labeled source="uploadedByName"><TextField source="uploadedByName" emptyText="—" /></Labeled>
        <Labeled source="receivedAt"><DateField source="receivedAt" showTime /></Labeled>
        <Labeled source="profiledAt"><DateField source="profiledAt" showTime emptyText="—" /></Labeled>
        <Labeled source="harmonizedAt"><DateField source="harmonizedAt" showTime emptyText="—" /></Labeled>
        {s.rawDeletedAt && <Labeled source="rawDeletedAt"><DateField source="rawDeletedAt" showTime /></Labeled>}
      </Stack>
      <Labeled source="sha256"><Mono>{s.sha256}</Mono></Labeled>
      {s.profile?.warnings.map((w) => <Alert key={w} severity="warning">{w}</Alert>)}
    </Stack>
  );
};

const ProfileTab = () => {
  const s = useRecordContext<SubmissionDetail>();
  const translate = useTranslate();
  if (!s?.profile) return <Typography color="text.secondary">{translate('app.submissions.no_profile')}</Typography>;
  return <ProfileTable profile={s.profile} />;
};

const FindingsTab = () => {
  const s = useRecordContext<SubmissionDetail>();
  const translate = useTranslate();
  if (!s?.harmonizationReport) return <Typography color="text.secondary">{translate('app.submissions.no_findings')}</Typography>;
  return <HarmonizationFindings report={s.harmonizationReport} />;
};

const RecordsTab = () => {
  const s = useRecordContext<SubmissionDetail>();
  const translate = useTranslate();
  if (!s) return null;
  if (s.status !== 'harmonized' || !s.recordCount) return <Typography color="text.secondary">{translate('app.submissions.no_records')}</Typography>;
  return <RecordsPreview submissionId={s.id} recordCount={s.recordCount} />;
};

const HistoryTab = () => {
  const s = useRecordContext<SubmissionDetail>();
  return s ? <EntityHistory entityType="submission" entityId={s.id} limit={50} /> : null;
};

/** Polls while a job works on the file, so the state, profile and findings appear without a reload. */
const whileWorking = (query: { state: { data?: SubmissionDetail } }) => (query.state.data && WORKING.includes(query.state.data.status) ? 2000 : false);

const SubmissionShow = () => {
  const translate = useTranslate();
  const { permissions: roles } = usePermissions<string[]>();
  const tab = (k: string) => translate(`app.submissions.tabs.${k}`);
  return (
    <Show actions={<Actions />} title={<Title />} queryOptions={{ refetchInterval: whileWorking }}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={tab('overview')}><Overview /></TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={tab('profile')} path="profile"><ProfileTab /></TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={tab('findings')} path="findings"><FindingsTab /></TabbedShowLayout.Tab>
        {rolesAllow(roles ?? [], 'records.read') && <TabbedShowLayout.Tab label={tab('records')} path="records"><RecordsTab /></TabbedShowLayout.Tab>}
        {rolesAllow(roles ?? [], 'audit.read') && <TabbedShowLayout.Tab label={tab('history')} path="history"><HistoryTab /></TabbedShowLayout.Tab>}
      </TabbedShowLayout>
    </Show>
  );
};

export default SubmissionShow;
