import { useState } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormGroup, FormHelperText,
  FormLabel, Stack, TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { FailureAlert } from '../../components/FailureAlert';
import { STANDARD_GROUPS } from '../../standard';
import type { Agreement } from './types';

interface Draft {
  signedDate: string;
  effectiveDate: string;
  expiryDate: string;
  scopeGroups: string[];
  attribution: string;
}

const DATE_FIELDS = ['signedDate', 'effectiveDate', 'expiryDate'] as const;

/** Records a new agreement version as a draft, or edits a draft (signed ones are immutable). */
export const AgreementDialog = ({ partnerId, agreement, onClose }: { partnerId: string; agreement: Agreement | null; onClose(): void }) => {
  const translate = useTranslate();
  const save = useApiAction();
  const [draft, setDraft] = useState<Draft>(() => agreement
    ? { signedDate: agreement.signedDate ?? '', effectiveDate: agreement.effectiveDate, expiryDate: agreement.expiryDate, scopeGroups: agreement.scopeGroups, attribution: agreement.attribution }
    : { signedDate: '', effectiveDate: '', expiryDate: '', scopeGroups: [...STANDARD_GROUPS], attribution: '' });
  const fieldError = (k: string) => save.failure?.fields[k];

  const submit = async () => {
    const body = { ...draft, signedDate: draft.signedDate || null };
    const r = await save.run(
      () => (agreement ? apiCall('PUT', `/agreements/${agreement.id}`, body) : apiCall('POST', `/partners/${partnerId}/agreements`, body)),
      agreement ? 'app.agreements.saved' : 'app.agreements.created',
    );
    if (r.ok) onClose();
  };
  const toggleGroup = (g: string, on: boolean) =>
    setDraft({ ...draft, scopeGroups: on ? [...draft.scopeGroups, g] : draft.scopeGroups.filter((x) => x !== g) });

  return (
    <Dialog open onClose={save.pending ? undefined : onClose} fullWidth maxWidth="sm">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <DialogTitle>{agreement ? translate('app.agreements.edit_title', { version: agreement.version }) : translate('app.agreements.new')}</DialogTitle>
        <DialogContent>
          <FailureAlert failure={save.failure} fieldsShown={[...DATE_FIELDS, 'scopeGroups', 'attribution']} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            {DATE_FIELDS.map((k) => (
              <TextField
                key={k} type="date" name={k} margin="dense" fullWidth required={k !== 'signedDate'}
                label={translate(`app.agreements.fields.${k}`)} value={draft[k]}
                onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                error={!!fieldError(k)} helperText={fieldError(k) ?? ' '}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            ))}
          </Stack>
          <FormControl component="fieldset" margin="dense" error={!!fieldError('scopeGroups')}>
            <FormLabel component="legend">{translate('app.agreements.fields.scopeGroups')}</FormLabel>
            <FormHelperText>{fieldError('scopeGroups') ?? translate('app.agreements.scope_help')}</FormHelperText>
            <FormGroup row>
              {STANDARD_GROUPS.map((g) => (
                <FormControlLabel key={g} label={translate(`app.standard_groups.${g}`)}
                  control={<Checkbox size="small" checked={draft.scopeGroups.includes(g)} onChange={(e) => toggleGroup(g, e.target.checked)} />} />
              ))}
            </FormGroup>
          </FormControl>
          <TextField
            fullWidth multiline minRows={2} margin="dense" name="attribution" required
            label={translate('app.agreements.fields.attribution')} value={draft.attribution}
            onChange={(e) => setDraft({ ...draft, attribution: e.target.value })}
            error={!!fieldError('attribution')} helperText={fieldError('attribution') ?? translate('app.agreements.attribution_help')}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={save.pending}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={save.pending}>{translate('ra.action.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
