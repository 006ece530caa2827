import { useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, Radio, RadioGroup,
} from '@mui/material';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { useQuery } from '@tanstack/react-query';
import { useCreatePath, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { rolesAllow } from '../../auth/permissions';
import { FailureAlert } from '../../components/FailureAlert';
import type { MappingVersionRow } from '../mapping-versions/types';
import type { SubmissionDetail } from './types';

/** A steward starts a new mapping draft for a profiled file: from the suggestions, or as a copy of the approved version. */
export const NewMappingVersionButton = ({ submission }: { submission: SubmissionDetail }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const { permissions: roles } = usePermissions<string[]>();
  const allowed = rolesAllow(roles ?? [], 'mappings.write') && !!submission.profile && ['profiled', 'harmonized'].includes(submission.status);
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState<'suggestions' | 'approved'>('suggestions');
  const create = useApiAction();
  const { data: versions } = useQuery({
    queryKey: ['mapping-versions', 'of-partner', submission.partnerId],
    queryFn: () => apiCall<MappingVersionRow[]>('GET', `/partners/${submission.partnerId}/mapping-versions`),
    enabled: allowed,
  });
  if (!allowed) return null;
  const approved = versions?.find((v) => v.status === 'approved');
  const submit = async () => {
    const r = await create.run(() => apiCall<MappingVersionRow>('POST', `/partners/${submission.partnerId}/mapping-versions`, { basedOnSubmissionId: submission.id, start }), 'app.mapping.created');
    if (r.ok) redirect(createPath({ resource: 'mapping-versions', type: 'show', id: r.value.id }));
  };
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<AccountTreeIcon />} onClick={() => { setStart(approved ? 'approved' : 'suggestions'); setOpen(true); }}>
        {translate('app.mapping.new_version')}
      </Button>
      <Dialog open={open} onClose={create.pending ? undefined : () => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.mapping.new_version')}</DialogTitle>
        <DialogContent>
          <FailureAlert failure={create.failure} />
          <DialogContentText variant="body2">{translate('app.mapping.new_version_help', { file: submission.originalName })}</DialogContentText>
          <RadioGroup value={start} onChange={(e) => setStart(e.target.value as typeof start)} name="start">
            <FormControlLabel value="suggestions" control={<Radio />} label={translate('app.mapping.start_suggestions')} />
            <FormControlLabel value="approved" control={<Radio />} disabled={!approved}
              label={approved ? translate('app.mapping.start_approved', { version: approved.version }) : translate('app.mapping.start_approved_none')} />
          </RadioGroup>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={create.pending}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={() => void submit()} disabled={create.pending}>{translate('app.mapping.create_draft')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
