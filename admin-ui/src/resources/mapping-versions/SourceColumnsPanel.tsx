import { useState } from 'react';
import { Box, Checkbox, Chip, Collapse, FormControlLabel, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { EmptyRate, IdentifierBadge, TopValues, useFormatNumber } from '../submissions/ProfileTable';
import { useMappingEditor, useMappingSpec } from './editor-context';
import { columnsOf, setDropped, targetsOf } from './spec-edit';

/** The file's columns with their profiles; identifiers are marked `drop` (never published). */
export const SourceColumnsPanel = () => {
  const translate = useTranslate();
  const { number } = useFormatNumber();
  const { version, editable, update, focus } = useMappingEditor();
  const spec = useMappingSpec();
  const [open, setOpen] = useState<string | null>(null);
  const usedBy = new Map<string, string[]>();
  for (const r of spec.rules) for (const c of columnsOf(r)) usedBy.set(c, [...(usedBy.get(c) ?? []), ...targetsOf(r)]);
  const t = (k: string) => translate(`app.mapping.columns.${k}`);
  if (!version.sourceColumns.length) return <Typography color="text.secondary">{t('none')}</Typography>;
  return (
    <Paper variant="outlined" sx={{ p: 1.5, position: { lg: 'sticky' }, top: { lg: 72 }, maxHeight: { lg: 'calc(100vh - 96px)' }, overflowY: 'auto' }}
      data-testid="source-columns">
      <Typography variant="subtitle1" component="h3">{t('title')}</Typography>
      <Typography variant="caption" color="text.secondary">{t('help')}</Typography>
      {version.sourceColumns.map((c) => {
        const dropped = spec.dropColumns.includes(c.name);
        const users = usedBy.get(c.name) ?? [];
        return (
          <Box key={c.name} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }} data-testid="source-column" data-column={c.name} data-dropped={dropped}>
            <Stack direction="row" alignItems="center" spacing={1} justifyContent="space-between">
              <Typography variant="body2" fontWeight={600} sx={{ cursor: 'pointer', wordBreak: 'break-all' }} onClick={() => setOpen(open === c.name ? null : c.name)}>
                {c.name}
              </Typography>
              <FormControlLabel
                sx={{ mr: 0 }}
                disabled={!editable}
                control={<Checkbox size="small" checked={dropped} onChange={(e) => update((s) => setDropped(s, c.name, e.target.checked))} />}
                label={<Typography variant="caption">{t('drop')}</Typography>}
              />
            </Stack>
            <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
              <Chip size="small" variant="outlined" label={translate(`app.inferred_types.${c.inferredType}`, { _: c.inferredType })} />
              <Typography variant="caption">{translate('app.mapping.columns.distinct', { count: `${number(c.distinctCount)}${c.distinctCapped ? '+' : ''}` })}</Typography>
              <IdentifierBadge column={c} />
              {c.identifier && !dropped && <Chip size="small" color="error" label={t('not_dropped')} />}
            </Stack>
            <EmptyRate column={c} />
            {users.length > 0 && (
              <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" sx={{ mt: 0.5 }}>
                <Typography variant="caption" color="text.secondary">{t('feeds')}</Typography>
                {users.slice(0, 6).map((u) => <Chip key={u} size="small" label={u} onClick={() => focus(u)} />)}
                {users.length > 6 && <Chip size="small" label={`+${users.length - 6}`} />}
              </Stack>
            )}
            <Collapse in={open === c.name} unmountOnExit><Box sx={{ pt: 1 }}><TopValues column={c} max={15} /></Box></Collapse>
          </Box>
        );
      })}
    </Paper>
  );
};
