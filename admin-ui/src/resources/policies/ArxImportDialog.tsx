import { useState, type ChangeEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FailureAlert } from '../../components/FailureAlert';
import type { ActionFailure } from '../../workflow/useWorkflowAction';

interface Props {
  qi: string;
  pending?: boolean;
  failure?: ActionFailure | null;
  onCancel(): void;
  onImport(csv: string): void;
}

/** An ARX hierarchy file for one quasi-identifier, pasted or read from a file chosen here. */
export const ArxImportDialog = ({ qi, pending, failure = null, onCancel, onImport }: Props) => {
  const translate = useTranslate();
  const [csv, setCsv] = useState('');
  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setCsv(await file.text());
  };
  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="md" data-testid="arx-import">
      <DialogTitle>{translate('app.policies.import_title', { qi })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('app.policies.import_help')}</DialogContentText>
        <FailureAlert failure={failure} fieldsShown={['csv']} />
        <Button component="label" variant="outlined" size="small" sx={{ mb: 1 }}>
          {translate('app.policies.choose_file')}
          <input type="file" hidden accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e)} data-testid="arx-file" />
        </Button>
        <TextField
          name="csv"
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
          multiline
          minRows={8}
          maxRows={20}
          fullWidth
          placeholder={'2019;2018-2019;2016-2019;*\n2020;2020-2021;2020-2023;*\n;;;*'}
          slotProps={{ htmlInput: { style: { fontFamily: 'monospace', fontSize: 13 } } }}
          error={!!failure?.fields.csv}
          helperText={failure?.fields.csv}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={pending}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => onImport(csv)} disabled={pending || !csv.trim()}>{translate('app.policies.import')}</Button>
      </DialogActions>
    </Dialog>
  );
};
