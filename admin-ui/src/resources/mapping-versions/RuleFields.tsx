import { Checkbox, FormControlLabel, ListItemText, MenuItem, Stack, TextField } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useTranslate } from 'react-admin';
import { codesOf, standardVariable } from '../../standard';
import { useMappingEditor } from './editor-context';
import type { MappingRule } from './types';

type Rule<K extends MappingRule['kind']> = Extract<MappingRule, { kind: K }>;
type BirthSource = { birthDateColumn: string; dateFormat: 'ymd' | 'dmy' | 'mdy'; reference: { column: string; dateFormat?: 'ymd' | 'dmy' | 'mdy' } | { year: number } };

const DATE_ORDERS = ['ymd', 'dmy', 'mdy'] as const;
const DATE_HINTS = ['ymd', 'dmy', 'mdy', 'year', 'excel_serial'] as const;
const NONE = '';

const field = { size: 'small' as const, fullWidth: false, sx: { minWidth: 190 } };

export const ColumnSelect = ({ label, value, onChange, disabled }: { label: string; value: string; onChange(v: string): void; disabled: boolean }) => {
  const { columns } = useMappingEditor();
  const known = columns.has(value);
  return (
    <TextField select {...field} label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} error={!!value && !known}
      helperText={value && !known ? ' ' : undefined} data-testid="column-select">
      {!known && <MenuItem value={value}><em>{value || '—'}</em></MenuItem>}
      {[...columns.values()].map((c) => (
        <MenuItem key={c.name} value={c.name}>
          <ListItemText primary={c.name} />
          {c.identifier && <LockIcon fontSize="inherit" color="secondary" sx={{ ml: 1 }} />}
        </MenuItem>
      ))}
    </TextField>
  );
};

const list = (values: string[]) => values.join(', ');
const parseList = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** The settings of one rule kind, beside its kind selector (value maps are edited in the grid below). */
export const RuleFields = ({ rule, onChange }: { rule: MappingRule; onChange(rule: MappingRule): void }) => {
  const translate = useTranslate();
  const { editable } = useMappingEditor();
  const t = (k: string) => translate(`app.mapping.fields.${k}`);
  const column = (r: { column: string }) => (
    <ColumnSelect label={t('column')} value={r.column} disabled={!editable} onChange={(c) => onChange({ ...rule, column: c } as MappingRule)} />
  );
  switch (rule.kind) {
    case 'copy': {
      const codes = codesOf(standardVariable(rule.target));
      return (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
          {column(rule)}
          {codes.length > 0 && (
            <TextField select {...field} label={t('default')} value={rule.default ?? NONE} disabled={!editable}
              onChange={(e) => onChange({ ...rule, default: e.target.value || undefined })} helperText={t('default_help')}>
              <MenuItem value={NONE}><em>{t('no_default')}</em></MenuItem>
              {codes.map((c) => <MenuItem key={c.code} value={c.code}>{c.code}</MenuItem>)}
            </TextField>
          )}
        </Stack>
      );
    }
    case 'age_band_from_age':
    case 'majority_from_age':
      return (
        <Stack spacing={1}>
          <Stack direction="row" spacing={1}>{column(rule)}</Stack>
          <FormControlLabel
            disabled={!editable}
            control={<Checkbox size="small" checked={!!rule.birthDate} onChange={(e) => onChange({
              ...rule,
              birthDate: e.target.checked ? { birthDateColumn: '', dateFormat: 'ymd', reference: { year: new Date().getFullYear() } } : undefined,
            })} />}
            label={t('birth_date_fallback')}
          />
          {rule.birthDate && <BirthDateFields source={rule.birthDate} onChange={(b) => onChange({ ...rule, birthDate: b })} />}
        </Stack>
      );
    case 'age_band_from_birth_date':
    case 'majority_from_birth_date':
      return <BirthDateFields source={rule} onChange={(b) => onChange({ ...rule, ...b })} />;
    case 'year_from_date':
      return (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
          {column(rule)}
          <TextField select {...field} label={t('date_formats')} disabled={!editable} value={rule.formats}
            slotProps={{ select: { multiple: true, renderValue: (v) => (v as string[]).map((x) => t(`date_orders.${x}`)).join(', ') } }}
            onChange={(e) => onChange({ ...rule, formats: e.target.value as unknown as Rule<'year_from_date'>['formats'] })}
            helperText={t('date_formats_help')}>
            {DATE_HINTS.map((h) => <MenuItem key={h} value={h}>{t(`date_orders.${h}`)}</MenuItem>)}
          </TextField>
        </Stack>
      );
    case 'flags_from_multi_value':
      return (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
          {column(rule)}
          <TextField {...field} label={t('separators')} disabled={!editable} value={rule.separators.join(' ')}
            onChange={(e) => onChange({ ...rule, separators: e.target.value.split(/\s+/).filter(Boolean) })} helperText={t('separators_help')} />
          <TextField select {...field} label={t('absent_means')} disabled={!editable} value={rule.absentMeans}
            onChange={(e) => onChange({ ...rule, absentMeans: e.target.value as 'zero' | 'missing' })}>
            <MenuItem value="zero">{t('absent_zero')}</MenuItem>
            <MenuItem value="missing">{t('absent_missing')}</MenuItem>
          </TextField>
        </Stack>
      );
    case 'binary':
      return (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
          {column(rule)}
          <TextField {...field} label={t('yes_values')} disabled={!editable} defaultValue={list(rule.yes)} onBlur={(e) => onChange({ ...rule, yes: parseList(e.target.value) })} />
          <TextField {...field} label={t('no_values')} disabled={!editable} defaultValue={list(rule.no)} onBlur={(e) => onChange({ ...rule, no: parseList(e.target.value) })} />
        </Stack>
      );
    case 'country':
      return (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
          {column(rule)}
          <TextField select {...field} label={t('na_means')} disabled={!editable} value={rule.naMeans}
            onChange={(e) => onChange({ ...rule, naMeans: e.target.value as 'namibia' | 'missing' })}>
            <MenuItem value="namibia">{t('na_namibia')}</MenuItem>
            <MenuItem value="missing">{t('na_missing')}</MenuItem>
          </TextField>
        </Stack>
      );
    case 'constant': {
      const codes = codesOf(standardVariable(rule.target));
      return codes.length ? (
        <TextField select {...field} label={t('value')} disabled={!editable} value={rule.value} onChange={(e) => onChange({ ...rule, value: e.target.value })}>
          {codes.map((c) => <MenuItem key={c.code} value={c.code}>{c.code}</MenuItem>)}
        </TextField>
      ) : (
        <TextField {...field} label={t('value')} disabled={!editable} value={rule.value} onChange={(e) => onChange({ ...rule, value: e.target.value })} />
      );
    }
    case 'not_collected':
      return null;
  }
};

const BirthDateFields = ({ source, onChange }: { source: BirthSource; onChange(b: BirthSource): void }) => {
  const translate = useTranslate();
  const { editable } = useMappingEditor();
  const t = (k: string) => translate(`app.mapping.fields.${k}`);
  const byColumn = 'column' in source.reference;
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
      <ColumnSelect label={t('birth_date_column')} value={source.birthDateColumn} disabled={!editable} onChange={(c) => onChange({ ...source, birthDateColumn: c })} />
      <TextField select {...field} label={t('date_order')} disabled={!editable} value={source.dateFormat}
        onChange={(e) => onChange({ ...source, dateFormat: e.target.value as BirthSource['dateFormat'] })}>
        {DATE_ORDERS.map((o) => <MenuItem key={o} value={o}>{t(`date_orders.${o}`)}</MenuItem>)}
      </TextField>
      <TextField select {...field} label={t('reference')} disabled={!editable} value={byColumn ? 'column' : 'year'}
        onChange={(e) => onChange({ ...source, reference: e.target.value === 'column' ? { column: '' } : { year: new Date().getFullYear() } })}>
        <MenuItem value="column">{t('reference_column')}</MenuItem>
        <MenuItem value="year">{t('reference_year')}</MenuItem>
      </TextField>
      {'column' in source.reference ? (
        <ColumnSelect label={t('reference_column')} value={source.reference.column} disabled={!editable}
          onChange={(c) => onChange({ ...source, reference: { ...source.reference, column: c } })} />
      ) : (
        <TextField {...field} type="number" label={t('reference_year')} disabled={!editable} value={source.reference.year}
          onChange={(e) => onChange({ ...source, reference: { year: Number(e.target.value) } })} />
      )}
    </Stack>
  );
};
