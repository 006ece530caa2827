import { Alert, Box, LinearProgress, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormatNumber } from '../submissions/ProfileTable';
import type { MappingCoverage } from './types';

const Meter = ({ label, share, detail, testId }: { label: string; share: number; detail: string; testId: string }) => {
  const { percent } = useFormatNumber();
  const color = share >= 0.95 ? 'success' : share >= 0.7 ? 'primary' : 'warning';
  return (
    <Box sx={{ flex: 1, minWidth: 200 }} data-testid={testId} data-share={share}>
      <Stack direction="row" justifyContent="space-between" alignItems="baseline">
        <Typography variant="body2" fontWeight={500}>{label}</Typography>
        <Typography variant="h6" component="span">{percent(share)}</Typography>
      </Stack>
      <LinearProgress variant="determinate" value={Math.min(100, share * 100)} color={color} sx={{ height: 8, borderRadius: 4 }} />
      <Typography variant="caption" color="text.secondary">{detail}</Typography>
    </Box>
  );
};

/** How much of the file the saved mapping covers: measured by the server on the profile, refreshed after each save. */
export const CoverageMeters = ({ coverage, stale }: { coverage: MappingCoverage | undefined; stale: boolean }) => {
  const translate = useTranslate();
  const { number } = useFormatNumber();
  if (!coverage) return null;
  if ('error' in coverage && coverage.error && !coverage.variables) return <Alert severity="warning">{coverage.error}</Alert>;
  const { variables, values, records } = coverage;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="coverage-meters">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
        <Meter
          testId="coverage-variables"
          label={translate('app.mapping.coverage.variables')}
          share={variables.total ? (variables.mapped + variables.notCollected) / variables.total : 0}
          detail={translate('app.mapping.coverage.variables_detail', { mapped: variables.mapped, not_collected: variables.notCollected, total: variables.total })}
        />
        <Meter
          testId="coverage-values"
          label={translate('app.mapping.coverage.values')}
          share={values.distinct - values.missing > 0 ? values.mapped / (values.distinct - values.missing) : 1}
          detail={translate('app.mapping.coverage.values_detail', { mapped: number(values.mapped), distinct: number(values.distinct - values.missing), missing: number(values.missing) })}
        />
        <Meter
          testId="coverage-records"
          label={translate('app.mapping.coverage.records')}
          share={records.share}
          detail={translate('app.mapping.coverage.records_detail', { covered: number(records.covered), total: number(records.total - records.missing), missing: number(records.missing) })}
        />
      </Stack>
      {coverage.unevaluatedColumns?.length > 0 && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('app.mapping.coverage.unevaluated', { columns: coverage.unevaluatedColumns.join(', ') })}
        </Typography>
      )}
      {coverage.error && <Alert severity="error" sx={{ mt: 1 }}>{coverage.error}</Alert>}
      {stale && (
        <Tooltip title={translate('app.mapping.coverage.stale_help')}>
          <Typography variant="caption" color="warning.main" data-testid="coverage-stale">{translate('app.mapping.coverage.stale')}</Typography>
        </Tooltip>
      )}
    </Paper>
  );
};
