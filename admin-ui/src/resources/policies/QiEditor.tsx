import { useState } from 'react';
import {
  Box, Button, Collapse, FormControl, FormHelperText, InputLabel, MenuItem, Select, Stack, TableCell, TableRow, TextField, Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { heightOf, parseArxCsv, previewRows, type Rows } from './hierarchy';
import { LevelsPreview } from './LevelsPreview';

export type HierarchySource = 'base' | 'default' | 'flat' | 'csv';

export interface QiDraft {
  source: HierarchySource;
  csv: string;
  /** '' = up to the hierarchy's top level (`*`). */
  maxLevel: number | '';
}

export interface QiSources {
  base?: Rows;
  default?: Rows;
  flat?: Rows | null;
}

/** The hierarchy rows a QI's draft stands for (none yet for an empty CSV). */
export function rowsOf(draft: QiDraft, sources: QiSources): Rows | undefined {
  if (draft.source === 'csv') return draft.csv.trim() ? parseArxCsv(draft.csv) : undefined;
  if (draft.source === 'flat') return sources.flat ?? undefined;
  return sources[draft.source];
}

interface Props {
  qi: string;
  draft: QiDraft;
  sources: QiSources;
  baseLabel: string;
  defaultLabel: string;
  errors: { hierarchy?: string; maxLevel?: string; qi?: string };
  onChange(next: QiDraft): void;
}

/** One quasi-identifier of the policy being edited: where its hierarchy comes from, how far it may go. */
export const QiEditor = ({ qi, draft, sources, baseLabel, defaultLabel, errors, onChange }: Props) => {
  const translate = useTranslate();
  const [preview, setPreview] = useState(false);
  const rows = rowsOf(draft, sources);
  const height = heightOf(rows);
  const options: { value: HierarchySource; label: string }[] = [
    ...(sources.base ? [{ value: 'base' as const, label: baseLabel }] : []),
    ...(sources.default ? [{ value: 'default' as const, label: defaultLabel }] : []),
    ...(sources.flat ? [{ value: 'flat' as const, label: translate('app.policies.source_flat') }] : []),
    { value: 'csv', label: translate('app.policies.source_csv') },
  ];
  const levels = rows ? previewRows(rows) : [];
  const readFile = async (file: File | undefined) => {
    if (file) onChange({ ...draft, csv: await file.text() });
  };
  return (
    <>
      <TableRow data-qi={qi}>
        <TableCell sx={{ verticalAlign: 'top', pt: 2.5 }}>
          <Typography sx={{ fontFamily: 'monospace' }}>{qi}</Typography>
          {errors.qi && <FormHelperText error>{errors.qi}</FormHelperText>}
        </TableCell>
        <TableCell sx={{ verticalAlign: 'top' }}>
          <FormControl size="small" fullWidth margin="dense" error={!!errors.hierarchy}>
            <InputLabel id={`src-${qi}`}>{translate('app.policies.hierarchy')}</InputLabel>
            <Select
              labelId={`src-${qi}`}
              label={translate('app.policies.hierarchy')}
              value={draft.source}
              onChange={(e) => onChange({ ...draft, source: e.target.value as HierarchySource, maxLevel: '' })}
              inputProps={{ 'data-testid': `source-${qi}` }}
            >
              {options.map((o) => <MenuItem key={o.value} value={o.value}>{o.label}</MenuItem>)}
            </Select>
            {errors.hierarchy && <FormHelperText data-testid={`error-hierarchy-${qi}`}>{errors.hierarchy}</FormHelperText>}
          </FormControl>
          {draft.source === 'csv' && (
            <Stack spacing={1} sx={{ mt: 1 }}>
              <Box>
                <Button component="label" size="small" variant="outlined">
                  {translate('app.policies.choose_file')}
                  <input type="file" hidden accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} />
                </Button>
              </Box>
              <TextField
                size="small"
                multiline
                minRows={3}
                maxRows={10}
                value={draft.csv}
                onChange={(e) => onChange({ ...draft, csv: e.target.value })}
                placeholder={translate('app.policies.csv_placeholder')}
                slotProps={{ htmlInput: { style: { fontFamily: 'monospace', fontSize: 12 }, 'data-testid': `csv-${qi}` } }}
              />
            </Stack>
          )}
        </TableCell>
        <TableCell sx={{ verticalAlign: 'top', minWidth: 170 }}>
          <FormControl size="small" fullWidth margin="dense" error={!!errors.maxLevel} disabled={!rows}>
            <InputLabel id={`max-${qi}`}>{translate('app.policies.max_level')}</InputLabel>
            <Select
              labelId={`max-${qi}`}
              label={translate('app.policies.max_level')}
              value={draft.maxLevel === '' ? 'top' : String(draft.maxLevel)}
              onChange={(e) => onChange({ ...draft, maxLevel: e.target.value === 'top' ? '' : Number(e.target.value) })}
              inputProps={{ 'data-testid': `max-${qi}` }}
            >
              <MenuItem value="top">{translate('app.policies.max_top', { height })}</MenuItem>
              {Array.from({ length: height }, (_, level) => (
                <MenuItem key={level} value={String(level)}>{translate('app.policies.max_n', { level })}</MenuItem>
              ))}
            </Select>
            {errors.maxLevel && <FormHelperText data-testid={`error-max-${qi}`}>{errors.maxLevel}</FormHelperText>}
          </FormControl>
        </TableCell>
        <TableCell sx={{ verticalAlign: 'top', pt: 2 }}>
          <Button size="small" onClick={() => setPreview(!preview)} disabled={!rows}>
            {translate(preview ? 'app.policies.hide_preview' : 'app.policies.preview', { height })}
          </Button>
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={4} sx={{ py: 0, borderBottom: preview ? undefined : 'none' }}>
          <Collapse in={preview && !!rows} unmountOnExit>
            <Box sx={{ py: 1.5 }}>
              <LevelsPreview levels={levels} maxLevel={draft.maxLevel === '' ? null : draft.maxLevel} testId={`edit-preview-${qi}`} />
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
};
