import { memo, useEffect, useRef } from 'react';
import { Badge, Box, Button, Collapse, IconButton, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import CommentIcon from '@mui/icons-material/ChatBubbleOutline';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslate } from 'react-admin';
import type { StandardVariable } from '../../standard';
import { useMappingEditor } from './editor-context';
import { RuleFields } from './RuleFields';
import { joinFlagsRule, kindsFor, matchingSuggestion, newRule, replaceRule, setVariableRule, withDefaults } from './spec-edit';
import type { MappingRule, MappingRuleKind } from './types';
import { ScoreChip, ValueGrid } from './ValueGrid';

const NO_RULE = '';

interface VariableRowProps {
  variable: StandardVariable;
  ruleIndex: number | undefined;
  rule: MappingRule | undefined;
  issues: string[];
  open: boolean;
  focused: boolean;
  missingValues: string[] | undefined;
}

/** One standard variable: its rule (kind and settings), the suggestion behind it, comments, and its value grid. */
export const VariableRow = memo(function VariableRow({ variable: v, ruleIndex, rule, issues, open, focused, missingValues }: VariableRowProps) {
  const translate = useTranslate();
  const editor = useMappingEditor();
  const { editable, update, suggestions } = editor;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [focused]);

  const comments = editor.commentsFor(v.name);
  const firstColumn = editor.version.sourceColumns.find((c) => !c.identifier)?.name ?? '';
  const shared = rule?.kind === 'flags_from_multi_value' && rule.targets.length > 1;
  const host = rule?.kind === 'flags_from_multi_value' ? rule.targets[0] === v.name : true;
  const hasGrid = !!rule && (rule.kind === 'copy' || rule.kind === 'flags_from_multi_value') && host;
  const suggestion = matchingSuggestion(rule, v.name, suggestions?.variables);
  const offered = !rule ? suggestions?.variables.find((s) => s.variable === v.name) : undefined;
  const t = (k: string) => translate(`app.mapping.${k}`);

  const changeKind = (kind: MappingRuleKind | typeof NO_RULE) => {
    if (kind === NO_RULE) update((s) => setVariableRule(s, v.name, null));
    else if (kind === 'flags_from_multi_value') update((s) => joinFlagsRule(s, v.name, firstColumn));
    else update((s) => setVariableRule(s, v.name, newRule(kind, v.name, rule ?? null, firstColumn)));
  };

  return (
    <Box ref={ref} data-testid="variable-row" data-variable={v.name} data-kind={rule?.kind ?? 'none'}
      sx={{ py: 1, borderBottom: 1, borderColor: 'divider', bgcolor: focused ? 'action.selected' : undefined }}>
      <Stack direction="row" spacing={1.5} alignItems="center">
        <Box sx={{ width: { xs: 160, xl: 240 }, flexShrink: 0 }}>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600, wordBreak: 'break-all' }}>{v.name}</Typography>
          <Typography variant="caption" color="text.secondary">{v.label}</Typography>
        </Box>
        {v.kind === 'derived' ? (
          <Typography variant="body2" color="text.secondary">{t('derived')}</Typography>
        ) : (
          <TextField select size="small" label={t('rule_kind')} value={rule?.kind ?? NO_RULE} disabled={!editable} sx={{ width: 250, flexShrink: 0 }}
            onChange={(e) => changeKind(e.target.value as MappingRuleKind)} error={!rule} data-testid="rule-kind"
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
            <MenuItem value={NO_RULE}><em>{t('no_rule')}</em></MenuItem>
            {kindsFor(v).map((k) => <MenuItem key={k} value={k}>{translate(`app.rule_kinds.${k}`)}</MenuItem>)}
          </TextField>
        )}
        <Stack direction="row" spacing={0.5} alignItems="center" sx={{ ml: 'auto !important' }}>
          {suggestion && <ScoreChip score={suggestion.score} source={suggestion.source} />}
          {offered && editable && (
            <Button size="small" onClick={() => update((s) => setVariableRule(s, v.name, withDefaults(offered.rule as MappingRule)))} data-testid="use-suggestion">
              {translate('app.mapping.use_suggestion', { kind: translate(`app.rule_kinds.${offered.rule.kind}`), score: Math.round(offered.score * 100) })}
            </Button>
          )}
          <Tooltip title={t('comments.title')}>
            <IconButton size="small" onClick={() => editor.openComments(v.name)} aria-label={`${t('comments.title')}: ${v.name}`}>
              <Badge badgeContent={comments.length} color="secondary"><CommentIcon fontSize="small" /></Badge>
            </IconButton>
          </Tooltip>
          {hasGrid && (
            <Tooltip title={t(open ? 'hide_values' : 'show_values')}>
              <IconButton size="small" onClick={() => editor.toggleValues(v.name)} aria-label={`${t(open ? 'hide_values' : 'show_values')}: ${v.name}`} data-testid="toggle-values">
                {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
              </IconButton>
            </Tooltip>
          )}
        </Stack>
      </Stack>
      {rule && v.kind !== 'derived' && (
        <Box sx={{ pl: { md: '172px', xl: '252px' }, pt: 1 }}>
          {host && <RuleFields rule={rule} onChange={(r: MappingRule) => update((s) => replaceRule(s, ruleIndex!, r))} />}
          {!host && rule.kind === 'flags_from_multi_value' && (
            <Typography variant="body2" color="text.secondary">
              {translate('app.mapping.shared_flags', { column: rule.column, host: rule.targets[0] })}
            </Typography>
          )}
          {shared && host && (
            <Typography variant="caption" color="text.secondary">{translate('app.mapping.feeds_flags', { smart_count: rule.targets.length })}</Typography>
          )}
        </Box>
      )}
      {issues.map((m) => <Typography key={m} variant="caption" color="error" component="div" sx={{ pl: 1 }}>{m}</Typography>)}
      {hasGrid && rule && (rule.kind === 'copy' || rule.kind === 'flags_from_multi_value') && (
        <Collapse in={open} unmountOnExit>
          <Box sx={{ pl: { md: 4 }, pt: 1 }}><ValueGrid ruleIndex={ruleIndex!} rule={rule} variable={v.name} missingValues={missingValues} /></Box>
        </Collapse>
      )}
    </Box>
  );
});
