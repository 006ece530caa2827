import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, CardHeader, CircularProgress, Stack, TextField } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useQuery } from '@tanstack/react-query';
import { Title, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { rolesAllow } from '../../auth/permissions';
import { FailureAlert } from '../../components/FailureAlert';
import { SubmissionPicker } from './SubmissionPicker';
import type { EligibleSubmission, ReleaseDetail } from './types';

/** Composing a release: its version, title, description and the harmonized submissions it includes. */
const ReleaseCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { permissions: roles } = usePermissions<string[]>();
  const allowed = rolesAllow(roles ?? [], 'releases.compose');
  const eligible = useQuery({
    queryKey: ['releases', 'eligible-submissions'],
    queryFn: () => apiCall<EligibleSubmission[]>('GET', '/releases/eligible-submissions'),
    enabled: allowed,
  });
  const { run, pending, failure } = useApiAction();
  const [version, setVersion] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const fields = failure?.fields ?? {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await run(
      () => apiCall<ReleaseDetail>('POST', '/releases', { version: version.trim(), title: title.trim(), description: description.trim() || null, submissionIds: selected }),
      'app.releases.composed',
    );
    if (done.ok) redirect('show', 'releases', done.value.id);
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 1000 }}>
      <Title title={translate('app.releases.compose_title')} />
      {roles && !allowed ? (
        <Alert severity="info">{translate('app.releases.compose_forbidden')}</Alert>
      ) : (
        <Box component="form" onSubmit={(e) => void submit(e)} noValidate data-testid="compose-form">
          <Stack spacing={2}>
            <FailureAlert failure={failure} fieldsShown={['version', 'title', 'description', 'submissionIds']} />
            <Card variant="outlined">
              <CardContent>
                <Stack spacing={2}>
                  <TextField name="version" label={translate('resources.releases.fields.version')} value={version} onChange={(e) => setVersion(e.target.value)} required
                    sx={{ maxWidth: 240 }} error={!!fields.version} helperText={fields.version ?? translate('app.releases.version_help')} />
                  <TextField name="title" label={translate('resources.releases.fields.title')} value={title} onChange={(e) => setTitle(e.target.value)} required
                    error={!!fields.title} helperText={fields.title} />
                  <TextField name="description" label={translate('resources.releases.fields.description')} value={description} onChange={(e) => setDescription(e.target.value)}
                    multiline minRows={3} error={!!fields.description} helperText={fields.description} />
                </Stack>
              </CardContent>
            </Card>
            <Card variant="outlined">
              <CardHeader title={translate('app.releases.composition')} subheader={translate('app.releases.eligible_help')}
                slotProps={{ title: { variant: 'subtitle1', component: 'h2' }, subheader: { variant: 'body2' } }} />
              <CardContent sx={{ pt: 0 }}>
                {eligible.error ? <Alert severity="error">{eligible.error.message}</Alert>
                  : eligible.isPending ? <CircularProgress size={24} />
                    : <SubmissionPicker eligible={eligible.data} selected={selected} onChange={setSelected} error={fields.submissionIds} />}
              </CardContent>
            </Card>
            <Box>
              <Button type="submit" variant="contained" startIcon={<SaveIcon />} disabled={pending} data-testid="compose-save">
                {translate('app.releases.compose')}
              </Button>
            </Box>
          </Stack>
        </Box>
      )}
    </Box>
  );
};

export default ReleaseCreate;
