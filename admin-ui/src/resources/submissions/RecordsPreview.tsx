import { useState } from 'react';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import type { RecordsPage } from '../../../../db/queries/records';
import { apiCall } from '../../api/http';
import { STANDARD } from '../../standard';
import { useFormatNumber } from './ProfileTable';

const PAGE = 25;
// Flags are summed up by their concatenated variables; the preview shows those, not 60 columns of 0/1.
const COLUMNS = STANDARD.variables.filter((v) => v.kind !== 'binary').map((v) => v.name);

/** Harmonized records of the submission, keyset-paged as the API serves them (staff only). */
export const RecordsPreview = ({ submissionId, recordCount }: { submissionId: string; recordCount: number | null }) => {
  const translate = useTranslate();
  const { number } = useFormatNumber();
  // Cursors of the pages seen so far: the last one is the page shown.
  const [cursors, setCursors] = useState<number[]>([0]);
  const after = cursors[cursors.length - 1];
  const { data, error, isPending } = useQuery({
    queryKey: ['submissions', submissionId, 'records', after],
    queryFn: () => apiCall<RecordsPage>('GET', `/submissions/${submissionId}/records?after=${after}&limit=${PAGE}`),
  });
  if (error) return <Alert severity="error">{error.message}</Alert>;
  const rows = data?.rows ?? [];
  // Where the record's id and each column shown sit in a row.
  const idAt = data?.columns.indexOf('id') ?? 0;
  const at = COLUMNS.map((c) => data?.columns.indexOf(c) ?? -1);
  const first = (cursors.length - 1) * PAGE + 1;
  return (
    <Stack spacing={1} data-testid="records-preview">
      <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              {COLUMNS.map((c) => <TableCell key={c} sx={{ whiteSpace: 'nowrap' }}>{c}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={String(r[idAt])}>
                <TableCell>{first + i}</TableCell>
                {COLUMNS.map((c, j) => <TableCell key={c} sx={{ whiteSpace: 'nowrap' }}>{r[at[j]] == null ? '' : String(r[at[j]])}</TableCell>)}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Stack direction="row" spacing={2} alignItems="center">
        <Typography variant="body2" color="text.secondary">
          {rows.length ? translate('app.records.range', { from: number(first), to: number(first + rows.length - 1), total: number(recordCount ?? 0) }) : isPending ? '' : translate('app.records.none')}
        </Typography>
        <Button size="small" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>{translate('ra.navigation.previous')}</Button>
        <Button size="small" disabled={rows.length < PAGE} onClick={() => setCursors([...cursors, Number(rows[rows.length - 1][idAt])])}>{translate('ra.navigation.next')}</Button>
      </Stack>
    </Stack>
  );
};
