import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography, type ChipProps } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { describeRule, valueMapChanges } from './describe-rule';
import type { MappingDiff, RuleChange } from './types';

const COLORS: Record<RuleChange['change'], ChipProps['color']> = { added: 'success', removed: 'error', changed: 'warning' };

/** What this version changes against the partner's previous approved version (the saved spec, not unsaved edits). */
export const DiffPanel = ({ versionId }: { versionId: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data: diff, error } = useQuery({
    queryKey: ['mapping-versions', versionId, 'diff'],
    queryFn: () => apiCall<MappingDiff>('GET', `/mapping-versions/${versionId}/diff`),
  });
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!diff) return null;
  const t = (k: string, o?: Record<string, unknown>) => translate(`app.mapping.diff.${k}`, o);
  return (
    <Stack spacing={2} data-testid="mapping-diff">
      {diff.against ? (
        <Typography>
          {t('against')}{' '}
          <Link to={createPath({ resource: 'mapping-versions', type: 'show', id: diff.against.id })}>v{diff.against.version}</Link>
          {' · '}{t('summary', { smart_count: diff.rules.length })}
        </Typography>
      ) : (
        <Alert severity="info">{t('first_version', { smart_count: diff.rules.length })}</Alert>
      )}
      {(diff.droppedAdded.length > 0 || diff.droppedRemoved.length > 0) && (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center">
          <Typography variant="body2">{t('dropped')}</Typography>
          {diff.droppedAdded.map((c) => <Chip key={c} size="small" color="success" label={`+ ${c}`} />)}
          {diff.droppedRemoved.map((c) => <Chip key={c} size="small" color="error" label={`− ${c}`} />)}
        </Stack>
      )}
      {diff.rules.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('variables')}</TableCell>
              <TableCell>{t('change')}</TableCell>
              <TableCell>{t('before')}</TableCell>
              <TableCell>{t('after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {diff.rules.map((r) => {
              const values = valueMapChanges(r.before, r.after);
              return (
                <TableRow key={`${r.change}:${r.variables.join(',')}`} data-testid="diff-row" data-change={r.change}>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{r.variables.join(', ')}</TableCell>
                  <TableCell><Chip size="small" color={COLORS[r.change]} label={t(`changes.${r.change}`)} /></TableCell>
                  <TableCell>{r.before ? describeRule(r.before, translate) : '—'}</TableCell>
                  <TableCell>
                    {r.after ? describeRule(r.after, translate) : '—'}
                    {r.change === 'changed' && values.length > 0 && (
                      <Box component="ul" sx={{ m: 0, pl: 2 }}>
                        {values.slice(0, 12).map((v) => (
                          <li key={v.value}><Typography variant="caption"><code>{v.value}</code>: {v.before ?? '∅'} → {v.after ?? '∅'}</Typography></li>
                        ))}
                        {values.length > 12 && <li><Typography variant="caption">{t('more', { count: values.length - 12 })}</Typography></li>}
                      </Box>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};
