import { Alert, Checkbox, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTime } from '../../components/DateTime';
import { useFormat } from '../anonymization-runs/format';
import type { EligibleSubmission } from './types';

interface Props {
  eligible: EligibleSubmission[];
  selected: string[];
  onChange(ids: string[]): void;
  error?: string;
}

/** Harmonized submissions of active partners, picked with their partner and record count. */
export const SubmissionPicker = ({ eligible, selected, onChange, error }: Props) => {
  const translate = useTranslate();
  const format = useFormat();
  const chosen = new Set(selected);
  const toggle = (id: string) => onChange(chosen.has(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  const records = eligible.filter((s) => chosen.has(s.id)).reduce((n, s) => n + (s.recordCount ?? 0), 0);
  if (!eligible.length) return <Alert severity="info">{translate('app.releases.no_eligible')}</Alert>;
  const all = eligible.length > 0 && eligible.every((s) => chosen.has(s.id));
  return (
    <>
      <Table size="small" data-testid="eligible-submissions">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Checkbox checked={all} indeterminate={!all && selected.length > 0} onChange={() => onChange(all ? [] : eligible.map((s) => s.id))}
                slotProps={{ input: { 'aria-label': translate('app.releases.select_all') } }} />
            </TableCell>
            <TableCell>{translate('app.releases.partner')}</TableCell>
            <TableCell>{translate('app.releases.file')}</TableCell>
            <TableCell align="right">{translate('app.releases.records')}</TableCell>
            <TableCell>{translate('app.releases.harmonized_at')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {eligible.map((s) => (
            <TableRow key={s.id} hover onClick={() => toggle(s.id)} sx={{ cursor: 'pointer' }} selected={chosen.has(s.id)} data-submission={s.id}>
              <TableCell padding="checkbox">
                <Checkbox checked={chosen.has(s.id)} slotProps={{ input: { 'aria-label': `${s.partnerName} · ${s.originalName}` } }} />
              </TableCell>
              <TableCell>{s.partnerName}</TableCell>
              <TableCell>{s.originalName}</TableCell>
              <TableCell align="right">{format.int(s.recordCount)}</TableCell>
              <TableCell><DateTime value={s.harmonizedAt} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="selection-summary">
        {translate('app.releases.selected', { smart_count: selected.length, records: format.int(records) })}
      </Typography>
      {error && <Typography variant="body2" color="error" data-testid="submissions-error">{error}</Typography>}
    </>
  );
};
