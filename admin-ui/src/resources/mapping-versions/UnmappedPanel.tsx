import { Alert, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormatNumber } from '../submissions/ProfileTable';
import { useMappingEditor } from './editor-context';
import type { MappingCoverage } from './types';

/** Source values no rule maps, most frequent first (the server measures the saved mapping on the profile). */
export const UnmappedPanel = ({ coverage }: { coverage: MappingCoverage | undefined }) => {
  const translate = useTranslate();
  const { number } = useFormatNumber();
  const { focus } = useMappingEditor();
  if (!coverage) return null;
  if (!coverage.unmapped?.length) return <Alert severity="success">{translate('app.mapping.unmapped.none')}</Alert>;
  const t = (k: string) => translate(`app.mapping.unmapped.${k}`);
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('help')}</Typography>
      <Table size="small" data-testid="unmapped-values">
        <TableHead>
          <TableRow>
            <TableCell>{t('column')}</TableCell>
            <TableCell>{t('value')}</TableCell>
            <TableCell align="right">{t('count')}</TableCell>
            <TableCell>{t('variables')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {coverage.unmapped.slice(0, 200).map((u) => (
            <TableRow key={`${u.column}\u0000${u.value}`} data-testid="unmapped-row">
              <TableCell>{u.column}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{u.value}</TableCell>
              <TableCell align="right">{number(u.count)}</TableCell>
              <TableCell>
                {u.variables.slice(0, 3).map((v) => <Button key={v} size="small" onClick={() => focus(v)} sx={{ textTransform: 'none' }}>{v}</Button>)}
                {u.variables.length > 3 && `+${u.variables.length - 3}`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
