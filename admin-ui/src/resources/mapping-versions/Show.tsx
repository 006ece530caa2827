import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Box, Button, Card, CardContent, Stack, Tab, Tabs, Tooltip, Typography } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import SaveIcon from '@mui/icons-material/Save';
import UndoIcon from '@mui/icons-material/Undo';
import { useQuery } from '@tanstack/react-query';
import {
  Link, ShowBase, Title, useCreatePath, useGetList, useGetOne, useNotify, usePermissions, useShowContext, useTranslate,
} from 'react-admin';
import { apiCall } from '../../api/http';
import { rolesAllow } from '../../auth/permissions';
import { session } from '../../auth/session';
import type { AuditEvent } from '../../components/EntityHistory';
import { EntityHistory } from '../../components/EntityHistory';
import { FailureAlert } from '../../components/FailureAlert';
import { WORKFLOWS } from '../../workflow';
import { WorkflowActions } from '../../workflow/WorkflowActions';
import type { PartnerRow } from '../partners/types';
import { RuleCommentsDialog, CommentsPanel } from './Comments';
import { CoverageMeters } from './CoverageMeters';
import { DiffPanel } from './DiffPanel';
import { MappingEditorContext, MappingSpecContext, parseFlag, type MappingEditor, type ValueFlag } from './editor-context';
import { IssuesPanel } from './IssuesPanel';
import { MappingStatusChip } from './MappingStatusChip';
import { RulesPanel } from './RulesPanel';
import { acceptDropSuggestions, acceptValueSuggestions, acceptVariableSuggestions, completeValueSuggestions } from './spec-edit';
import type { MappingCoverage, MappingSuggestion, MappingVersionDetail } from './types';
import { UnmappedPanel } from './UnmappedPanel';
import { useMappingDraft } from './useMappingDraft';

type TabKey = 'rules' | 'unmapped' | 'diff' | 'comments' | 'history';

// Suggestions cost the server seconds of CPU and depend only on the file's profile: fetched once
// per file and kept outside react-query, so the refresh after each save does not recompute them.
const suggestionCache = new Map<string, Promise<MappingSuggestion>>();

function useSuggestions(submissionId: string | null, partnerId: string): MappingSuggestion | undefined {
  const [value, setValue] = useState<MappingSuggestion | undefined>(undefined);
  useEffect(() => {
    if (!submissionId) return;
    let live = true;
    let pending = suggestionCache.get(submissionId);
    if (!pending) {
      pending = apiCall<MappingSuggestion>('GET', `/submissions/${submissionId}/suggestions?partnerId=${partnerId}`);
      suggestionCache.set(submissionId, pending);
      pending.catch(() => suggestionCache.delete(submissionId));
    }
    pending.then((s) => { if (live) setValue(completeValueSuggestions(s)); }, () => undefined);
    return () => { live = false; };
  }, [submissionId, partnerId]);
  return value;
}

const MappingEditorPage = () => {
  const { record: version, error, isPending } = useShowContext<MappingVersionDetail>();
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{error.message}</Alert>;
  if (isPending || !version) return null;
  return <Editor version={version} />;
};

const Editor = ({ version }: { version: MappingVersionDetail }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const createPath = useCreatePath();
  const { permissions: roles } = usePermissions<string[]>();
  const canWrite = rolesAllow(roles ?? [], 'mappings.write');
  const editable = canWrite && version.status === 'draft';
  const draft = useMappingDraft(version);
  const [tab, setTab] = useState<TabKey>('rules');
  const [focused, setFocused] = useState<string | null>(null);
  const [openValues, setOpenValues] = useState<ReadonlySet<string>>(new Set());
  const [commentsOpen, setCommentsOpen] = useState<{ variable: string; flag?: { column: string; value: string } } | null>(null);

  const { data: partner } = useGetOne<PartnerRow>('partners', { id: version.partnerId });
  const suggestions = useSuggestions(canWrite ? version.basedOnSubmissionId : null, version.partnerId);
  const { data: coverage } = useQuery({
    queryKey: ['mapping-versions', version.id, 'coverage', version.updatedAt],
    queryFn: () => apiCall<MappingCoverage>('GET', `/mapping-versions/${version.id}/coverage`),
  });
  // Comment authors and who did what: the version's audit trail names the people.
  const { data: events } = useGetList<AuditEvent>(
    'audit-events',
    { filter: { entityType: 'mapping_version', entityId: version.id }, pagination: { page: 1, perPage: 500 }, sort: { field: 'id', order: 'DESC' } },
    { enabled: rolesAllow(roles ?? [], 'audit.read') },
  );
  const people = useMemo(() => {
    const byComment = new Map<string, string>();
    let author: string | undefined;
    let submitter: string | undefined;
    // The reviewer's reason stays in view until the version is submitted again.
    let changesRequested: { name: string; reason: string } | null = null;
    // The API lists newest first; the story is read oldest first.
    for (const e of [...(events ?? [])].sort((x, y) => x.id - y.id)) {
      if (e.action === 'mapping_version.commented' && typeof e.details.commentId === 'string') byComment.set(e.details.commentId, e.actorName);
      if (e.action === 'mapping_version.created') author = e.actorName;
      if (e.action === 'mapping_version.submit') {
        submitter = e.actorName;
        changesRequested = null;
      }
      if (e.action === 'mapping_version.request_changes') changesRequested = { name: e.actorName, reason: e.reason ?? '' };
    }
    return { byComment, author, submitter, changesRequested };
  }, [events]);

  const columns = useMemo(() => new Map(version.sourceColumns.map((c) => [c.name, c])), [version.sourceColumns]);
  const focus = useCallback((variable: string) => {
    setTab('rules');
    setFocused(variable);
    setOpenValues((o) => new Set([...o, variable]));
  }, []);
  const toggleValues = useCallback((variable: string) => setOpenValues((o) => {
    const next = new Set(o);
    if (!next.delete(variable)) next.add(variable);
    return next;
  }), []);
  const someone = translate('app.mapping.comments.someone');
  // Stable between edits and toggles: rows re-render for what concerns them only.
  const editor: MappingEditor = useMemo(() => ({
    version,
    editable,
    update: draft.update,
    suggestions,
    columns,
    commentsFor: (variable) => version.comments.filter((c) => c.variable === variable),
    authorName: (c) => people.byComment.get(c.id) ?? (c.authorId === session.user()?.id ? session.user()!.name : someone),
    flagsFor: (variable) => version.comments.filter((c) => c.variable === variable).map(parseFlag).filter((f): f is ValueFlag => !!f),
    openComments: (variable, flag) => (variable ? setCommentsOpen({ variable, flag }) : setTab('comments')),
    focus,
    toggleValues,
  }), [version, editable, draft.update, suggestions, columns, people, someone, focus, toggleValues]);

  const acceptAll = () => {
    if (!suggestions) return;
    let accepted = 0;
    const vars = acceptVariableSuggestions(draft.spec, suggestions.variables);
    const values = acceptValueSuggestions(vars.spec, suggestions.values);
    const drops = acceptDropSuggestions(values.spec, suggestions.drop);
    accepted = vars.accepted + values.accepted + drops.accepted;
    draft.update(() => drops.spec);
    notify(accepted ? 'app.mapping.accepted' : 'app.mapping.nothing_to_accept', { messageArgs: { smart_count: accepted } });
  };

  const title = translate('app.mapping.title', { version: version.version, partner: partner?.name ?? '' });
  return (
    <MappingEditorContext.Provider value={editor}>
    <MappingSpecContext.Provider value={draft.spec}>
      <Title title={title} />
      <Stack spacing={2} sx={{ mt: 2, mb: 4 }} data-testid="mapping-editor" data-status={version.status}>
        <Card>
          <CardContent>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} justifyContent="space-between" alignItems={{ md: 'center' }}>
              <Box>
                <Stack direction="row" spacing={1} alignItems="center">
                  <Typography variant="h5" component="h1">{title}</Typography>
                  <MappingStatusChip status={version.status} />
                </Stack>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                  <Link to={createPath({ resource: 'partners', type: 'show', id: version.partnerId })}>{partner?.name ?? ''}</Link>
                  {version.basedOnSubmissionId && <>{' · '}<Link to={createPath({ resource: 'submissions', type: 'show', id: version.basedOnSubmissionId })}>{translate('app.mapping.based_on')}</Link></>}
                  {people.author && ` · ${translate('app.mapping.author', { name: people.author })}`}
                  {people.submitter && ` · ${translate('app.mapping.submitter', { name: people.submitter })}`}
                </Typography>
              </Box>
              <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
                {editable && (
                  <>
                    <Tooltip title={translate('app.mapping.accept_all_help')}>
                      <span>
                        <Button size="small" startIcon={<DoneAllIcon />} onClick={acceptAll} disabled={!suggestions} data-testid="accept-all-suggestions">
                          {translate('app.mapping.accept_all')}
                        </Button>
                      </span>
                    </Tooltip>
                    <Button size="small" startIcon={<UndoIcon />} onClick={draft.discard} disabled={!draft.dirty || draft.saving}>{translate('app.mapping.discard')}</Button>
                    <Button size="small" variant="contained" startIcon={<SaveIcon />} onClick={() => void draft.save()} disabled={!draft.dirty || draft.saving} data-testid="save-mapping">
                      {translate('ra.action.save')}
                    </Button>
                  </>
                )}
                {draft.dirty ? (
                  <Typography variant="caption" color="warning.main" data-testid="unsaved">{translate('app.mapping.unsaved')}</Typography>
                ) : (
                  <WorkflowActions workflow={WORKFLOWS.mapping_version} resource="mapping-versions" record={{ ...version, name: `v${version.version}` }} />
                )}
              </Stack>
            </Stack>
          </CardContent>
        </Card>
        {people.changesRequested && ['changes_requested', 'draft'].includes(version.status) && (
          <Alert severity="warning" data-testid="changes-requested">
            {translate('app.mapping.changes_requested_by', { name: people.changesRequested.name, reason: people.changesRequested.reason })}
          </Alert>
        )}
        <FailureAlert failure={draft.failure} />
        <CoverageMeters coverage={coverage} stale={draft.dirty} />
        <IssuesPanel />
        <Card>
          <Tabs value={tab} onChange={(_, t: TabKey) => setTab(t)} variant="scrollable" sx={{ borderBottom: 1, borderColor: 'divider' }}>
            <Tab value="rules" label={translate('app.mapping.tabs.rules')} />
            <Tab value="unmapped" label={<Badge color="warning" badgeContent={coverage?.unmapped?.length ?? 0} max={999} sx={{ pr: 1.5 }}>{translate('app.mapping.tabs.unmapped')}</Badge>} />
            <Tab value="diff" label={translate('app.mapping.tabs.diff')} />
            <Tab value="comments" label={<Badge color="secondary" badgeContent={version.comments.length} sx={{ pr: 1.5 }}>{translate('app.mapping.tabs.comments')}</Badge>} />
            {rolesAllow(roles ?? [], 'audit.read') && <Tab value="history" label={translate('app.mapping.tabs.history')} />}
          </Tabs>
          <CardContent>
            {tab === 'rules' && <RulesPanel openValues={openValues} focused={focused} />}
            {tab === 'unmapped' && <UnmappedPanel coverage={coverage} />}
            {tab === 'diff' && <DiffPanel versionId={version.id} />}
            {tab === 'comments' && <CommentsPanel />}
            {tab === 'history' && <EntityHistory entityType="mapping_version" entityId={version.id} limit={50} />}
          </CardContent>
        </Card>
      </Stack>
      {commentsOpen && <RuleCommentsDialog variable={commentsOpen.variable} flag={commentsOpen.flag} onClose={() => setCommentsOpen(null)} />}
    </MappingSpecContext.Provider>
    </MappingEditorContext.Provider>
  );
};

const MappingVersionShow = () => (
  <ShowBase>
    <MappingEditorPage />
  </ShowBase>
);

export default MappingVersionShow;
