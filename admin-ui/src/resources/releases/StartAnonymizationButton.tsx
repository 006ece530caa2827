import { useEffect, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField } from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useGetList, usePermissions, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { FailureAlert } from '../../components/FailureAlert';
import { availableTransitions, WORKFLOWS } from '../../workflow';
import type { PolicySummary } from '../policies/types';
import type { ReleaseDetail } from './types';

/** Draft → anonymizing under a policy the release manager chooses (the latest version of each policy). */
export const StartAnonymizationButton = ({ release }: { release: ReleaseDetail }) => {
  const translate = useTranslate();
  const { permissions: roles } = usePermissions<string[]>();
  const [open, setOpen] = useState(false);
  const [policyId, setPolicyId] = useState('');
  const { run, pending, failure, clearFailure } = useApiAction();
  const allowed = availableTransitions(WORKFLOWS.release, release.status, roles ?? []).some((t) => t.action === 'start_anonymization');
  const { data: policies } = useGetList<PolicySummary>(
    'policies',
    { filter: { latest: true }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 100 } },
    { enabled: allowed && open },
  );
  useEffect(() => {
    if (!policyId && policies?.length) setPolicyId((policies.find((p) => p.name === 'default') ?? policies[0]).id);
  }, [policies, policyId]);
  if (!allowed) return null;

  const start = async () => {
    const done = await run(
      () => apiCall('POST', `/releases/${encodeURIComponent(release.id)}/actions/start_anonymization`, { policyId }),
      'app.releases.anonymization_started',
    );
    if (done.ok) setOpen(false);
  };

  return (
    <>
      <Button size="small" variant="contained" startIcon={<PlayArrowIcon />} onClick={() => { clearFailure(); setOpen(true); }} data-action="start_anonymization">
        {translate('workflow.release.actions.start_anonymization')}
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} fullWidth maxWidth="sm" data-testid="start-anonymization">
          <DialogTitle>{translate('app.releases.start_title', { version: release.version })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('app.releases.start_help', { records: release.records })}</DialogContentText>
            <FailureAlert failure={failure} fieldsShown={['policyId']} />
            <TextField select fullWidth name="policyId" label={translate('app.releases.policy')} value={policyId} onChange={(e) => setPolicyId(e.target.value)}
              error={!!failure?.fields.policyId} helperText={failure?.fields.policyId}>
              {(policies ?? []).map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {`${translate('app.policies.name_version', { name: p.name, version: p.version })} · k = ${p.k} · ${+(p.suppressionLimit * 100).toFixed(2)} % · ${translate('app.runs.qis_count', { smart_count: p.qis.length })}`}
                </MenuItem>
              ))}
            </TextField>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={pending}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" onClick={() => void start()} disabled={pending || !policyId}>{translate('workflow.release.actions.start_anonymization')}</Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
