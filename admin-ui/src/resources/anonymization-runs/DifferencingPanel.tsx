import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { usePermissions, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { rolesAllow } from '../../auth/permissions';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormat } from './format';
import type { RunDetail } from './types';

const SHOWN = 50;

/**
 * Classes that grew by fewer than k records since the previous published release: subtracting one
 * release from the other would isolate those records. Publication is refused until a privacy
 * officer accepts the exposure with a reason.
 */
export const DifferencingPanel = ({ run }: { run: RunDetail }) => {
  const translate = useTranslate();
  const format = useFormat();
  const { permissions: roles } = usePermissions<string[]>();
  const { run: call, pending, failure } = useApiAction();
  const [reason, setReason] = useState('');
  const summary = run.measures?.differencing;
  const findings = run.differencing ?? [];
  const empty = translate('app.runs.empty_value');
  const canOverride = rolesAllow(roles ?? [], 'runs.decide') && ['completed', 'approved'].includes(run.status)
    && !['published', 'retracted'].includes(run.releaseStatus);

  const submit = async () => {
    const done = await call(() => apiCall('POST', `/anonymization-runs/${encodeURIComponent(run.id)}/differencing-override`, { reason: reason.trim() }), 'app.runs.override_done');
    if (done.ok) setReason('');
  };

  return (
    <Card variant="outlined" data-testid="differencing">
      <CardHeader title={translate('app.runs.differencing_title')} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={1.5}>
          <Typography variant="body2" color="text.secondary">{translate('app.runs.differencing_help', { k: run.policySnapshot.k })}</Typography>
          {summary?.against && (
            <Typography variant="body2">{translate('app.runs.differencing_against', { version: summary.against.version })}</Typography>
          )}
          {summary?.compared && summary.note && <Typography variant="body2" data-testid="differencing-note">{summary.note}</Typography>}
          {!summary?.compared ? (
            <Alert severity="info" data-testid="differencing-none">{summary?.note ?? translate('app.runs.differencing_not_compared')}</Alert>
          ) : findings.length === 0 ? (
            <Alert severity="success" data-testid="differencing-none">{translate('app.runs.differencing_none')}</Alert>
          ) : (
            <>
              <Alert severity={run.differencingOverrideReason ? 'info' : 'warning'} data-testid="differencing-count">
                {translate('app.runs.differencing_found', { smart_count: findings.length })}
              </Alert>
              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" data-testid="differencing-findings">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('app.runs.class_labels')}</TableCell>
                      <TableCell align="right">{translate('app.runs.count_previous')}</TableCell>
                      <TableCell align="right">{translate('app.runs.count_current')}</TableCell>
                      <TableCell align="right">{translate('app.runs.growth')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {findings.slice(0, SHOWN).map((f, i) => (
                      <TableRow key={i}>
                        <TableCell sx={{ fontSize: 12 }}>
                          {run.policySnapshot.qis.filter((qi) => qi in f.labels).map((qi) => `${qi} = ${f.labels[qi] === '' ? empty : f.labels[qi]}`).join(' · ')}
                        </TableCell>
                        <TableCell align="right">{format.int(f.previous)}</TableCell>
                        <TableCell align="right">{format.int(f.current)}</TableCell>
                        <TableCell align="right">{format.int(f.growth)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
              {findings.length > SHOWN && (
                <Typography variant="body2" color="text.secondary">{translate('app.runs.more_findings', { smart_count: findings.length - SHOWN })}</Typography>
              )}
              {run.differencingOverrideReason ? (
                <Alert severity="info" data-testid="differencing-override">
                  {translate('app.runs.override_recorded', { reason: run.differencingOverrideReason })}
                </Alert>
              ) : canOverride ? (
                <Stack spacing={1} component="form" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="override-form">
                  <Typography variant="body2">{translate('app.runs.override_help')}</Typography>
                  <FailureAlert failure={failure} fieldsShown={['reason']} />
                  <TextField
                    name="reason"
                    label={translate('app.runs.override_reason')}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    required
                    multiline
                    minRows={2}
                    error={!!failure?.fields.reason}
                    helperText={failure?.fields.reason ?? translate('app.workflow.reason_required')}
                  />
                  <Box>
                    <Button type="submit" variant="contained" color="warning" disabled={pending || !reason.trim()}>
                      {translate('app.runs.override')}
                    </Button>
                  </Box>
                </Stack>
              ) : (
                <Alert severity="warning">{translate('app.runs.override_needed')}</Alert>
              )}
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
