import { useMemo, useState } from 'react';
import {
  Box, Button, Checkbox, Chip, IconButton, ListItemText, MenuItem, Select, Stack, Table, TableBody, TableCell, TableHead, TableRow,
  TextField, Tooltip, Typography,
} from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import FlagIcon from '@mui/icons-material/Flag';
import OutlinedFlagIcon from '@mui/icons-material/OutlinedFlag';
import { useNotify, useTranslate } from 'react-admin';
import { DEFAULT_MISSING_VALUES, missingKeySet, valueKey } from '../../../../server/domain/mapping/value-key';
import { codesOf, standardVariable } from '../../standard';
import { useFormatNumber } from '../submissions/ProfileTable';
import { useMappingEditor } from './editor-context';
import { acceptValueSuggestions, mapKeyFor, setValueCode, setValueFlags, type ValueSuggestion } from './spec-edit';
import type { MappingRule } from './types';

const SHOWN = 25;
const UNMAPPED = '__unmapped__';

type CopyRule = Extract<MappingRule, { kind: 'copy' }>;
type FlagsRule = Extract<MappingRule, { kind: 'flags_from_multi_value' }>;

interface GridRow {
  value: string;
  count: number;
  suggestion?: ValueSuggestion;
}

/** Source values of the rule's column, most frequent first; a multi-value column is split into its codes. */
function useRows(rule: CopyRule | FlagsRule): GridRow[] {
  const { columns, suggestions } = useMappingEditor();
  return useMemo(() => {
    const byKey = new Map<string, GridRow>();
    const add = (value: string, count: number) => {
      const k = valueKey(value);
      const row = byKey.get(k);
      if (row) row.count += count;
      else byKey.set(k, { value: value.trim(), count });
    };
    const values = columns.get(rule.column)?.values ?? [];
    if (rule.kind === 'flags_from_multi_value') {
      const seps = rule.separators.length ? rule.separators : [';'];
      const re = new RegExp(seps.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
      for (const v of values) for (const part of v.value.split(re)) if (part.trim()) add(part, v.count);
    } else {
      for (const v of values) add(v.value, v.count);
    }
    for (const key of Object.keys(rule.valueMap)) if (!byKey.has(valueKey(key))) add(key, 0);
    for (const s of suggestions?.values ?? []) {
      if (s.column !== rule.column) continue;
      const row = byKey.get(valueKey(s.value));
      if (row && (!row.suggestion || s.score > row.suggestion.score)) row.suggestion = s;
    }
    return [...byKey.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }, [columns, suggestions, rule]);
}

/**
 * The value mapping of a coded column: each source value with its count, the standard code (or
 * flags) it maps to, the suggestion with its score (accept one, or all at once), and a flag for
 * values a reviewer should look at.
 */
export const ValueGrid = ({ ruleIndex, rule, variable, missingValues }: { ruleIndex: number; rule: CopyRule | FlagsRule; variable: string; missingValues: string[] | undefined }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { number } = useFormatNumber();
  const editor = useMappingEditor();
  const { editable, update } = editor;
  const rows = useRows(rule);
  const [all, setAll] = useState(false);
  const missing = useMemo(() => missingKeySet(missingValues ?? DEFAULT_MISSING_VALUES), [missingValues]);
  const flags = editor.flagsFor(variable).filter((f) => f.column === rule.column);
  const column = editor.columns.get(rule.column);
  const codes = rule.kind === 'copy' ? codesOf(standardVariable(rule.target)) : [];
  const pending = rows.filter((r) => r.suggestion?.target && !currentTargets(rule, r.value).includes(r.suggestion.target));
  const shown = all ? rows : rows.slice(0, SHOWN);
  const h = (k: string) => translate(`app.mapping.values.${k}`);

  if (column?.identifier) return <Typography variant="body2" color="text.secondary">{h('identifier_column')}</Typography>;
  if (!rows.length) return <Typography variant="body2" color="text.secondary">{h('no_values')}</Typography>;

  const acceptAll = () => {
    const chosen = pending.map((p) => p.suggestion!);
    update((sp) => acceptValueSuggestions(sp, chosen, true).spec);
    notify('app.mapping.accepted', { messageArgs: { smart_count: chosen.length } });
  };

  return (
    <Box data-testid="value-grid" data-column={rule.column}>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.mapping.values.summary', { values: number(rows.length), mapped: number(rows.filter((r) => currentTargets(rule, r.value).length).length) })}
        </Typography>
        {editable && pending.length > 0 && (
          <Button size="small" startIcon={<DoneAllIcon />} onClick={acceptAll} data-testid="accept-column-suggestions">
            {translate('app.mapping.values.accept_all', { smart_count: pending.length })}
          </Button>
        )}
      </Stack>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{h('source_value')}</TableCell>
            <TableCell align="right">{h('count')}</TableCell>
            <TableCell>{h(rule.kind === 'copy' ? 'standard_code' : 'flags')}</TableCell>
            <TableCell>{h('suggestion')}</TableCell>
            <TableCell padding="checkbox" />
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((row) => {
            const targets = currentTargets(rule, row.value);
            const isMissing = missing.has(valueKey(row.value));
            const flagged = flags.some((f) => valueKey(f.value) === valueKey(row.value));
            const s = row.suggestion;
            const suggestionApplied = !s?.target || targets.includes(s.target);
            return (
              <TableRow key={row.value} data-value={row.value} data-mapped={targets.length > 0} data-testid="value-row">
                <TableCell sx={{ fontFamily: 'monospace' }}>{row.value === '' ? '∅' : row.value}</TableCell>
                <TableCell align="right">{number(row.count)}</TableCell>
                <TableCell sx={{ minWidth: 220 }}>
                  {rule.kind === 'copy' ? (
                    codes.length ? (
                      <Select
                        size="small" fullWidth displayEmpty disabled={!editable}
                        value={targets[0] ?? UNMAPPED}
                        onChange={(e) => update((sp) => setValueCode(sp, ruleIndex, row.value, e.target.value === UNMAPPED ? null : e.target.value))}
                        inputProps={{ 'aria-label': `${h('standard_code')}: ${row.value}` }}
                      >
                        <MenuItem value={UNMAPPED}><em>{isMissing ? h('missing') : h('unmapped')}</em></MenuItem>
                        {codes.map((c) => <MenuItem key={c.code} value={c.code}>{c.label === c.code ? c.code : `${c.code} — ${c.label}`}</MenuItem>)}
                      </Select>
                    ) : (
                      <TextField size="small" fullWidth disabled={!editable} value={targets[0] ?? ''} placeholder={isMissing ? h('missing') : h('unmapped')}
                        onChange={(e) => update((sp) => setValueCode(sp, ruleIndex, row.value, e.target.value || null))} />
                    )
                  ) : (
                    <Select
                      size="small" fullWidth multiple displayEmpty disabled={!editable}
                      value={targets}
                      renderValue={(sel) => ((sel as string[]).length ? (sel as string[]).map((f) => standardVariable(f)?.label ?? f).join(', ') : <em>{isMissing ? h('missing') : h('unmapped')}</em>)}
                      onChange={(e) => {
                        const next = e.target.value as string[];
                        update((sp) => setValueFlags(sp, ruleIndex, row.value, next.length ? next : null));
                      }}
                    >
                      {rule.targets.map((f) => (
                        <MenuItem key={f} value={f}>
                          <Checkbox size="small" checked={targets.includes(f)} />
                          <ListItemText primary={standardVariable(f)?.label ?? f} secondary={f} />
                        </MenuItem>
                      ))}
                    </Select>
                  )}
                </TableCell>
                <TableCell>
                  {s?.target ? (
                    <Stack direction="row" spacing={0.5} alignItems="center">
                      <Chip size="small" variant="outlined" label={`→ ${s.target}`} />
                      <ScoreChip score={s.score} source={s.source} />
                      {editable && !suggestionApplied && (
                        <Tooltip title={h('accept')}>
                          <IconButton size="small" color="primary" aria-label={`${h('accept')}: ${row.value}`}
                            onClick={() => update((sp) => acceptValueSuggestions(sp, [s], true).spec)}>
                            <CheckIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      )}
                    </Stack>
                  ) : null}
                </TableCell>
                <TableCell padding="checkbox">
                  <Tooltip title={h(flagged ? 'flagged' : 'flag')}>
                    <IconButton size="small" color={flagged ? 'warning' : 'default'} aria-label={`${h('flag')}: ${row.value}`}
                      onClick={() => editor.openComments(variable, { column: rule.column, value: row.value })}>
                      {flagged ? <FlagIcon fontSize="small" /> : <OutlinedFlagIcon fontSize="small" />}
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {rows.length > SHOWN && (
        <Button size="small" onClick={() => setAll(!all)} sx={{ mt: 0.5 }}>
          {all ? h('show_fewer') : translate('app.mapping.values.show_all', { count: number(rows.length) })}
        </Button>
      )}
    </Box>
  );
};

function currentTargets(rule: CopyRule | FlagsRule, value: string): string[] {
  const key = mapKeyFor(rule.valueMap, value);
  if (key === undefined) return [];
  const t = rule.valueMap[key];
  return Array.isArray(t) ? t : [t];
}

/** A suggestion's score as a percentage, with where it came from. */
export const ScoreChip = ({ score, source }: { score: number; source: string | null }) => {
  const translate = useTranslate();
  const { percent } = useFormatNumber();
  const color = score >= 0.8 ? 'success' : score >= 0.5 ? 'info' : 'warning';
  return (
    <Tooltip title={translate('app.mapping.suggested_by', { source: source ? translate(`app.suggestion_sources.${source}`, { _: source }) : '' })}>
      <Stack direction="row" spacing={0.5} data-testid="suggestion-chip">
        <Chip size="small" color={color} label={percent(score)} />
        {source && <Chip size="small" variant="outlined" label={translate(`app.suggestion_sources.${source}`, { _: source })} />}
      </Stack>
    </Tooltip>
  );
};
