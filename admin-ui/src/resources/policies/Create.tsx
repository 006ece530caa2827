import { useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  Alert, Autocomplete, Box, Button, Card, CardContent, CardHeader, Checkbox, CircularProgress, FormControlLabel, MenuItem, Radio, RadioGroup,
  Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useQuery } from '@tanstack/react-query';
import { Title, useLocation, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { apiCall } from '../../api/http';
import { useApiAction } from '../../api/useApiAction';
import { rolesAllow } from '../../auth/permissions';
import { FailureAlert } from '../../components/FailureAlert';
import { STANDARD } from '../../standard';
import { flatHierarchy } from './hierarchy';
import { QiEditor, rowsOf, type QiDraft, type QiSources } from './QiEditor';
import type { PolicyBody, PolicyRow } from './types';

const VARIABLES = STANDARD.variables.filter((v) => v.kind !== 'derived');

interface Draft {
  mode: 'version' | 'new';
  name: string;
  description: string;
  qis: string[];
  perQi: Record<string, QiDraft>;
  k: string;
  suppressionPercent: string;
  lEnabled: boolean;
  lVariable: string;
  l: string;
  riskThreshold: string;
}

function initialSource(qi: string, base: PolicyRow, fallback: PolicyRow | undefined): QiDraft {
  if (base.policy.hierarchies[qi]) return { source: 'base', csv: '', maxLevel: base.policy.maxLevels[qi] ?? '' };
  if (fallback?.policy.hierarchies[qi]) return { source: 'default', csv: '', maxLevel: '' };
  if (flatHierarchy(qi)) return { source: 'flat', csv: '', maxLevel: '' };
  return { source: 'csv', csv: '', maxLevel: '' };
}

function draftFrom(base: PolicyRow, fallback: PolicyRow | undefined): Draft {
  const p = base.policy;
  return {
    mode: 'version',
    name: '',
    description: base.description ?? '',
    qis: [...p.qis],
    perQi: Object.fromEntries(p.qis.map((qi) => [qi, initialSource(qi, base, fallback)])),
    k: String(p.k),
    suppressionPercent: String(+(p.suppressionLimit * 100).toFixed(4)),
    lEnabled: !!p.lDiversity,
    lVariable: p.lDiversity?.variable ?? '',
    l: String(p.lDiversity?.l ?? 2),
    riskThreshold: p.riskThreshold != null ? String(p.riskThreshold) : '',
  };
}

/** Numbers as typed: what cannot be read is sent as it is, so the server's message names the field. */
const num = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

function bodyOf(d: Draft, sources: (qi: string) => QiSources): Record<string, unknown> {
  const hierarchies: Record<string, { rows: string[][] }> = {};
  const maxLevels: Record<string, number> = {};
  for (const qi of d.qis) {
    const q = d.perQi[qi];
    const rows = rowsOf(q, sources(qi));
    if (rows) hierarchies[qi] = { rows };
    if (q.maxLevel !== '') maxLevels[qi] = q.maxLevel;
  }
  const percent = num(d.suppressionPercent);
  return {
    qis: d.qis,
    hierarchies,
    maxLevels,
    k: num(d.k),
    suppressionLimit: typeof percent === 'number' ? +(percent / 100).toFixed(6) : percent,
    ...(d.lEnabled ? { lDiversity: { variable: d.lVariable, l: num(d.l) } } : {}),
    ...(d.riskThreshold.trim() ? { riskThreshold: num(d.riskThreshold) } : {}),
  };
}

/** Server field paths (`policy.hierarchies.gender`) → the message to show there. */
const fieldError = (fields: Record<string, string>, path: string) => fields[`policy.${path}`] ?? fields[path];

const Editor = ({ base, fallback }: { base: PolicyRow; fallback: PolicyRow | undefined }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { run, pending, failure } = useApiAction();
  const [d, setD] = useState<Draft>(() => draftFrom(base, fallback));
  const fields = failure?.fields ?? {};
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }));
  const sources = useMemo(() => (qi: string): QiSources => ({
    base: base.policy.hierarchies[qi]?.rows,
    default: fallback && fallback.id !== base.id ? fallback.policy.hierarchies[qi]?.rows : undefined,
    flat: flatHierarchy(qi),
  }), [base, fallback]);

  const setQis = (qis: string[]) => setD((prev) => ({
    ...prev,
    qis,
    perQi: Object.fromEntries(qis.map((qi) => [qi, prev.perQi[qi] ?? initialSource(qi, base, fallback)])),
  }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const policy = bodyOf(d, sources) as unknown as PolicyBody;
    const description = d.description.trim() || null;
    const done = await run(
      () => (d.mode === 'new'
        ? apiCall<PolicyRow>('POST', '/policies', { name: d.name.trim(), description, policy })
        : apiCall<PolicyRow>('POST', `/policies/${encodeURIComponent(base.id)}/versions`, { description, policy })),
      'app.policies.saved',
    );
    if (done.ok) redirect('show', 'policies', done.value.id);
  };

  const shown = new Set(['name', 'description', ...d.qis.flatMap((qi, i) => [`policy.hierarchies.${qi}`, `policy.maxLevels.${qi}`, `policy.qis.${i}`]),
    'policy.qis', 'policy.k', 'policy.suppressionLimit', 'policy.lDiversity.variable', 'policy.lDiversity.l', 'policy.riskThreshold']);

  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate data-testid="policy-editor">
      <Stack spacing={2}>
        <FailureAlert failure={failure} fieldsShown={[...shown]} />
        <Card variant="outlined">
          <CardContent>
            <Stack spacing={2}>
              <RadioGroup row value={d.mode} onChange={(e) => set({ mode: e.target.value as Draft['mode'] })}>
                <FormControlLabel value="version" control={<Radio />} label={translate('app.policies.mode_version', { name: base.name, version: base.version })} />
                <FormControlLabel value="new" control={<Radio />} label={translate('app.policies.mode_new')} />
              </RadioGroup>
              {d.mode === 'new' && (
                <TextField name="name" label={translate('resources.policies.fields.name')} value={d.name} onChange={(e) => set({ name: e.target.value })}
                  required error={!!fields.name} helperText={fields.name ?? translate('app.policies.name_help')} sx={{ maxWidth: 400 }} />
              )}
              <TextField name="description" label={translate('resources.policies.fields.description')} value={d.description}
                onChange={(e) => set({ description: e.target.value })} multiline minRows={2} error={!!fields.description} helperText={fields.description} />
            </Stack>
          </CardContent>
        </Card>

        <Card variant="outlined">
          <CardHeader title={translate('app.policies.qis_title')} subheader={translate('app.policies.qis_edit_help')}
            slotProps={{ title: { variant: 'subtitle1', component: 'h2' }, subheader: { variant: 'body2' } }} />
          <CardContent sx={{ pt: 0 }}>
            <Autocomplete
              multiple
              options={VARIABLES.map((v) => v.name)}
              value={d.qis}
              onChange={(_, qis) => setQis(qis)}
              getOptionLabel={(name) => name}
              renderOption={(props, name) => {
                const { key, ...rest } = props as typeof props & { key: string };
                const v = VARIABLES.find((x) => x.name === name);
                return (
                  <li key={key} {...rest}>
                    <Box>
                      <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>{name}</Typography>
                      <Typography variant="caption" color="text.secondary">{v?.label}{v?.quasiIdentifier ? ` · ${translate('app.policies.default_qi')}` : ''}</Typography>
                    </Box>
                  </li>
                );
              }}
              renderInput={(params) => (
                <TextField {...params} name="qis" label={translate('resources.policies.fields.qis')}
                  error={!!fieldError(fields, 'qis')} helperText={fieldError(fields, 'qis')} />
              )}
              data-testid="qi-select"
            />
            <Table size="small" sx={{ mt: 2 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.runs.qi')}</TableCell>
                  <TableCell>{translate('app.policies.hierarchy')}</TableCell>
                  <TableCell>{translate('app.policies.max_level')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {d.qis.map((qi, i) => (
                  <QiEditor
                    key={qi}
                    qi={qi}
                    draft={d.perQi[qi]}
                    sources={sources(qi)}
                    baseLabel={translate('app.policies.source_base', { name: base.name, version: base.version })}
                    defaultLabel={translate('app.policies.source_default', { version: fallback?.version ?? 1 })}
                    errors={{ hierarchy: fieldError(fields, `hierarchies.${qi}`), maxLevel: fieldError(fields, `maxLevels.${qi}`), qi: fieldError(fields, `qis.${i}`) }}
                    onChange={(next) => setD((prev) => ({ ...prev, perQi: { ...prev.perQi, [qi]: next } }))}
                  />
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>

        <Card variant="outlined">
          <CardHeader title={translate('app.policies.parameters_title')} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
          <CardContent sx={{ pt: 0 }}>
            <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" alignItems="flex-start">
              <TextField name="k" label="k" type="number" value={d.k} onChange={(e) => set({ k: e.target.value })} sx={{ width: 140 }}
                error={!!fieldError(fields, 'k')} helperText={fieldError(fields, 'k') ?? translate('app.policies.k_help')} slotProps={{ htmlInput: { min: 2, step: 1 } }} />
              <TextField name="suppressionLimit" label={translate('app.policies.suppression_percent')} type="number" value={d.suppressionPercent}
                onChange={(e) => set({ suppressionPercent: e.target.value })} sx={{ width: 220 }} slotProps={{ htmlInput: { min: 0, max: 100, step: 0.5 } }}
                error={!!fieldError(fields, 'suppressionLimit')} helperText={fieldError(fields, 'suppressionLimit') ?? translate('app.policies.suppression_help')} />
              <TextField name="riskThreshold" label={translate('resources.policies.fields.riskThreshold')} type="number" value={d.riskThreshold}
                onChange={(e) => set({ riskThreshold: e.target.value })} sx={{ width: 240 }} slotProps={{ htmlInput: { min: 0, max: 1, step: 0.01 } }}
                error={!!fieldError(fields, 'riskThreshold')}
                helperText={fieldError(fields, 'riskThreshold') ?? translate('app.policies.risk_help', { value: Number(d.k) > 0 ? +(1 / Number(d.k)).toFixed(4) : '1/k' })} />
            </Stack>
            <FormControlLabel sx={{ mt: 2 }} control={<Checkbox checked={d.lEnabled} onChange={(e) => set({ lEnabled: e.target.checked })} name="lEnabled" />}
              label={translate('app.policies.l_diversity_enable')} />
            {d.lEnabled && (
              <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" sx={{ mt: 1 }}>
                <TextField select name="lVariable" label={translate('app.policies.sensitive_variable')} value={d.lVariable} onChange={(e) => set({ lVariable: e.target.value })}
                  sx={{ minWidth: 320 }} error={!!fieldError(fields, 'lDiversity.variable')} helperText={fieldError(fields, 'lDiversity.variable') ?? translate('app.policies.sensitive_help')}>
                  {VARIABLES.filter((v) => !d.qis.includes(v.name)).map((v) => <MenuItem key={v.name} value={v.name}>{v.name}</MenuItem>)}
                </TextField>
                <TextField name="l" label="l" type="number" value={d.l} onChange={(e) => set({ l: e.target.value })} sx={{ width: 120 }}
                  error={!!fieldError(fields, 'lDiversity.l')} helperText={fieldError(fields, 'lDiversity.l')} slotProps={{ htmlInput: { min: 2, step: 1 } }} />
              </Stack>
            )}
          </CardContent>
        </Card>

        <Box>
          <Button type="submit" variant="contained" startIcon={<SaveIcon />} disabled={pending} data-testid="policy-save">
            {translate(d.mode === 'new' ? 'app.policies.save_new' : 'app.policies.save_version')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};

/** A new version of a policy (or a new policy) starting from a saved version, the default one if none is named. */
const PolicyCreate = () => {
  const translate = useTranslate();
  const location = useLocation();
  const { permissions: roles } = usePermissions<string[]>();
  const basedOn = new URLSearchParams(location.search).get('basedOn');
  const fallback = useQuery({ queryKey: ['policies', 'default'], queryFn: () => apiCall<PolicyRow>('GET', '/policies/default') });
  const base = useQuery({
    queryKey: ['policies', 'getOne', basedOn],
    queryFn: () => apiCall<PolicyRow>('GET', `/policies/${encodeURIComponent(basedOn!)}`),
    enabled: !!basedOn,
  });
  const chosen = basedOn ? base.data : fallback.data;
  const error = base.error ?? fallback.error;
  const [ready, setReady] = useState(false);
  useEffect(() => { if (chosen && (fallback.data || fallback.error)) setReady(true); }, [chosen, fallback.data, fallback.error]);
  return (
    <Box sx={{ mt: 2, maxWidth: 1100 }}>
      <Title title={translate('app.policies.editor_title')} />
      {!rolesAllow(roles ?? [], 'policies.write') && roles && <Alert severity="info" sx={{ mb: 2 }}>{translate('app.policies.read_only')}</Alert>}
      {error ? <Alert severity="error">{error.message}</Alert> : !ready || !chosen ? <CircularProgress /> : <Editor base={chosen} fallback={fallback.data} />}
    </Box>
  );
};

export default PolicyCreate;
