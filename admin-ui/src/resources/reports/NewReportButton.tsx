import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useGetList, usePermissions, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { rolesAllow } from '../../auth/permissions';
import { session } from '../../auth/session';
import { FailureAlert } from '../../components/FailureAlert';

/** "New contribution report": staff choose the partner; a partner user asks for its own organisation's. */
export const NewReportButton = () => {
  const translate = useTranslate();
  const { permissions: roles } = usePermissions<string[]>();
  const [open, setOpen] = useState(false);
  const [partnerId, setPartnerId] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const { run, pending, failure, clearFailure } = useApiAction();
  const user = session.user();
  const ownPartner = user?.partnerId ?? null;
  const allowed = rolesAllow(roles ?? [], 'reports.request');
  const { data: partners } = useGetList<{ id: string; name: string }>(
    'partners',
    { sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 500 } },
    { enabled: allowed && open && !ownPartner },
  );
  if (!allowed) return null;
  const target = ownPartner ?? partnerId;

  const submit = async () => {
    const body = { ...(periodStart ? { periodStart } : {}), ...(periodEnd ? { periodEnd } : {}) };
    const done = await run(() => apiCall('POST', `/partners/${encodeURIComponent(target)}/reports`, body), 'app.reports.requested');
    if (done.ok) setOpen(false);
  };

  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => { clearFailure(); setOpen(true); }} data-testid="new-report">
        {translate('app.reports.new')}
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} fullWidth maxWidth="sm">
          <DialogTitle>{translate('app.reports.new')}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('app.reports.new_help')}</DialogContentText>
            <FailureAlert failure={failure} fieldsShown={['periodStart', 'periodEnd']} />
            <Stack spacing={2}>
              {ownPartner ? (
                <Typography>{translate('app.reports.for_partner', { name: user?.partnerName ?? '' })}</Typography>
              ) : (
                <TextField select name="partnerId" label={translate('app.reports.partner')} value={partnerId} onChange={(e) => setPartnerId(e.target.value)} required>
                  {(partners ?? []).map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
                </TextField>
              )}
              <Stack direction="row" spacing={2}>
                <TextField type="date" name="periodStart" label={translate('resources.reports.fields.periodStart')} value={periodStart} onChange={(e) => setPeriodStart(e.target.value)}
                  slotProps={{ inputLabel: { shrink: true } }} error={!!failure?.fields.periodStart} helperText={failure?.fields.periodStart ?? translate('app.reports.optional')} />
                <TextField type="date" name="periodEnd" label={translate('resources.reports.fields.periodEnd')} value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)}
                  slotProps={{ inputLabel: { shrink: true } }} error={!!failure?.fields.periodEnd} helperText={failure?.fields.periodEnd ?? translate('app.reports.optional')} />
              </Stack>
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={pending}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" onClick={() => void submit()} disabled={pending || !target}>{translate('app.reports.request')}</Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
