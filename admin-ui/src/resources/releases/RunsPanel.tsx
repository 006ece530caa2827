import { Alert, Card, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useCreatePath, usePermissions, useTranslate } from 'react-admin';
import { canOpenResource } from '../../auth/permissions';
import { DateTime } from '../../components/DateTime';
import { useFormat } from '../anonymization-runs/format';
import { RunJob } from '../anonymization-runs/RunJob';
import { RunStatusChip } from '../anonymization-runs/RunStatusChip';
import { RUN_WORKING } from '../anonymization-runs/types';
import type { ReleaseDetail } from './types';

/** Every anonymization of this release, newest first; the newest one live while it works. */
export const RunsPanel = ({ release }: { release: ReleaseDetail }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const format = useFormat();
  const { permissions: roles } = usePermissions<string[]>();
  const canOpenRuns = canOpenResource(roles, 'anonymization-runs');
  const latest = release.runs[0];
  return (
    <Card variant="outlined" data-testid="release-runs">
      <CardHeader title={translate('app.releases.runs_title')} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {!release.runs.length ? (
          <Typography color="text.secondary">{translate('app.releases.no_runs')}</Typography>
        ) : (
          <Stack spacing={2}>
            {latest && RUN_WORKING.includes(latest.status) && <RunJob runId={latest.id} working />}
            {latest?.status === 'completed' && release.status === 'anonymizing' && (
              <Alert severity="info" data-testid="run-awaits-decision">{translate('app.releases.run_awaits_decision')}</Alert>
            )}
            {latest?.status === 'rejected' && release.status === 'draft' && (
              <Alert severity="warning">{translate('app.releases.run_rejected')}</Alert>
            )}
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.releases.run')}</TableCell>
                  <TableCell>{translate('resources.anonymization-runs.fields.status')}</TableCell>
                  <TableCell align="right">{translate('resources.anonymization-runs.fields.outputRows')}</TableCell>
                  <TableCell>{translate('resources.anonymization-runs.fields.createdAt')}</TableCell>
                  <TableCell>{translate('resources.anonymization-runs.fields.completedAt')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {release.runs.map((r) => (
                  <TableRow key={r.id} data-run={r.id} selected={r.id === release.approvedRunId}>
                    <TableCell>
                      {canOpenRuns ? (
                        <Link to={createPath({ resource: 'anonymization-runs', type: 'show', id: r.id })} data-testid="run-link">
                          {translate('app.releases.open_run', { id: r.id.slice(0, 8) })}
                        </Link>
                      ) : translate('app.releases.open_run', { id: r.id.slice(0, 8) })}
                    </TableCell>
                    <TableCell><RunStatusChip status={r.status} /></TableCell>
                    <TableCell align="right">{format.int(r.outputRows)}</TableCell>
                    <TableCell><DateTime value={r.createdAt} /></TableCell>
                    <TableCell><DateTime value={r.completedAt} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
