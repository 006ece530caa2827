import { Box, Chip, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useLocaleState, useTranslate } from 'react-admin';
import type { ColumnProfile, FileProfile } from './types';

const TOP_VALUES = 6;

export function useFormatNumber() {
  const [locale] = useLocaleState();
  const nf = new Intl.NumberFormat(locale);
  const pf = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const df = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    number: (n: number | null | undefined) => (n == null ? '' : nf.format(n)),
    decimal: (n: number) => df.format(n),
    percent: (share: number) => pf.format(share),
  };
}

/** An identifier column: its values are never stored or shown, only statistics. */
export const IdentifierBadge = ({ column }: { column: Pick<ColumnProfile, 'identifier'> }) => {
  const translate = useTranslate();
  if (!column.identifier) return null;
  return (
    <Tooltip title={`${translate(`app.identifier_kinds.${column.identifier.kind}`, { _: column.identifier.kind })}: ${column.identifier.reason}`}>
      <Chip size="small" color="secondary" icon={<LockIcon />} label={translate('app.submissions.identifier_hidden')} data-testid="identifier-badge" />
    </Tooltip>
  );
};

export const EmptyRate = ({ column }: { column: Pick<ColumnProfile, 'empty' | 'nonEmpty'> }) => {
  const { percent } = useFormatNumber();
  const total = column.empty + column.nonEmpty;
  const share = total ? column.empty / total : 0;
  return (
    <Stack direction="row" spacing={1} alignItems="center" sx={{ minWidth: 110 }}>
      <LinearProgress variant="determinate" value={share * 100} color={share > 0.5 ? 'warning' : 'primary'} sx={{ flex: 1, height: 6, borderRadius: 3 }} />
      <Typography variant="body2" sx={{ minWidth: 44, textAlign: 'right' }}>{percent(share)}</Typography>
    </Stack>
  );
};

export const TopValues = ({ column, max = TOP_VALUES }: { column: ColumnProfile; max?: number }) => {
  const translate = useTranslate();
  const { number, decimal } = useFormatNumber();
  if (column.identifier || column.values === null) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.submissions.length_stats', { min: column.stats.minLength, max: column.stats.maxLength, mean: decimal(column.stats.meanLength) })}
      </Typography>
    );
  }
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {column.values.slice(0, max).map((v) => (
        <Chip key={v.value} size="small" variant="outlined" label={`${v.value === '' ? '∅' : v.value} · ${number(v.count)}`} />
      ))}
      {column.values.length > max && <Typography variant="caption" color="text.secondary">{translate('app.submissions.more_values', { count: column.values.length - max })}</Typography>}
    </Stack>
  );
};

/** Per column: inferred type, how often empty, distinct values, the most frequent values (never an identifier's). */
export const ProfileTable = ({ profile }: { profile: FileProfile }) => {
  const translate = useTranslate();
  const { number } = useFormatNumber();
  const h = (k: string) => translate(`app.submissions.profile.${k}`);
  return (
    <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
      <Table size="small" data-testid="profile-table">
        <TableHead>
          <TableRow>
            <TableCell>{h('column')}</TableCell>
            <TableCell>{h('type')}</TableCell>
            <TableCell>{h('empty')}</TableCell>
            <TableCell align="right">{h('distinct')}</TableCell>
            <TableCell>{h('values')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {profile.columns.map((c) => (
            <TableRow key={c.index} data-testid="profile-row" data-column={c.name} data-identifier={!!c.identifier}>
              <TableCell sx={{ fontWeight: 500 }}>
                <Stack spacing={0.5} alignItems="flex-start">
                  <span>{c.name}</span>
                  <IdentifierBadge column={c} />
                </Stack>
              </TableCell>
              <TableCell>{translate(`app.inferred_types.${c.inferredType}`, { _: c.inferredType })}</TableCell>
              <TableCell><EmptyRate column={c} /></TableCell>
              <TableCell align="right">{number(c.distinctCount)}{c.distinctCapped ? '+' : ''}</TableCell>
              <TableCell><TopValues column={c} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
