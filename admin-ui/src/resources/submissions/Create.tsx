import { useState } from 'react';
import { Alert, Autocomplete, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { Title, useCreatePath, useGetList, useLocation, useNotify, useRedirect, useTranslate } from 'react-admin';
import { session } from '../../auth/session';
import { FileDrop } from '../../components/FileDrop';
import type { PartnerRow } from '../partners/types';
import type { SubmissionRow } from './types';

/**
 * Upload a partner file: drag and drop or pick, with a progress bar. A partner user uploads for
 * its own organisation only, so the partner is fixed; staff choose among active partners.
 */
const SubmissionUpload = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const location = useLocation();
  const user = session.user();
  const ownPartner = user?.partnerId ?? null;
  const preselected = new URLSearchParams(location.search).get('partnerId');
  const [partnerId, setPartnerId] = useState<string | null>(ownPartner ?? preselected);
  const { data: partners, isPending } = useGetList<PartnerRow>('partners', {
    filter: ownPartner ? {} : { status: 'active' },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const selected = partners?.find((p) => p.id === partnerId) ?? null;
  const fixed = ownPartner != null;

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }}>
      <Title title={translate('app.submissions.upload_title')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" component="h1">{translate('app.submissions.upload_title')}</Typography>
          <Typography variant="body2" color="text.secondary">{translate('app.submissions.upload_help')}</Typography>
          <Autocomplete
            options={partners ?? []}
            loading={isPending}
            value={selected}
            disabled={fixed}
            getOptionLabel={(p) => p.name}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            onChange={(_, p) => setPartnerId(p?.id ?? null)}
            renderInput={(params) => (
              <TextField {...params} name="partner" label={translate('resources.submissions.fields.partnerId')}
                helperText={translate(fixed ? 'app.submissions.own_partner' : 'app.submissions.active_partners_only')} />
            )}
            data-testid="upload-partner"
          />
          {selected && selected.status !== 'active' && <Alert severity="warning">{translate('app.submissions.partner_not_active')}</Alert>}
          <FileDrop<SubmissionRow>
            path={`/partners/${partnerId}/submissions`}
            accept={{ 'text/csv': ['.csv'], 'text/tab-separated-values': ['.tsv'], 'text/plain': ['.txt'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'] }}
            hint="app.submissions.upload_hint"
            disabled={!partnerId}
            onUploaded={(s) => {
              notify('app.submissions.uploaded', { type: 'success' });
              redirect(createPath({ resource: 'submissions', type: 'show', id: s.id }));
            }}
          />
        </Stack>
      </CardContent>
    </Card>
  );
};

export default SubmissionUpload;
