import { memo, useEffect, useMemo, useState } from 'react';
import { Accordion, AccordionDetails, AccordionSummary, Box, Chip, Grid, Stack, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslate } from 'react-admin';
import { groupVariables, STANDARD_GROUPS, standardVariable, type VariableGroup } from '../../standard';
import { useMappingEditor, useMappingSpec } from './editor-context';
import { ruleIndexByVariable } from './spec-edit';
import { SourceColumnsPanel } from './SourceColumnsPanel';
import type { MappingIssue, MappingSpec } from './types';
import { VariableRow } from './VariableRow';

const OPEN_AT_FIRST: VariableGroup[] = ['registration', 'demographics'];
const NO_ISSUES: string[] = [];

/** The server's problems (as of the last save; they point at rules of the saved spec) by the variable they concern. */
function issuesByVariable(problems: MappingIssue[], spec: MappingSpec): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (variable: string, message: string) => out.set(variable, [...(out.get(variable) ?? []), message]);
  for (const p of problems) {
    if (p.variable) add(p.variable, p.message);
    else {
      const index = /^rules\.(\d+)/.exec(p.path ?? '')?.[1];
      const rule = index !== undefined ? spec.rules[Number(index)] : undefined;
      if (rule) (rule.kind === 'flags_from_multi_value' ? rule.targets.slice(0, 1) : [rule.target]).forEach((t) => add(t, p.message));
    }
  }
  return out;
}

interface GroupProps {
  group: VariableGroup;
  expanded: boolean;
  onToggle(group: VariableGroup, open: boolean): void;
  spec: MappingSpec;
  indexByVar: Map<string, number>;
  issues: Map<string, string[]>;
  openValues: ReadonlySet<string>;
  focused: string | null;
}

/** One group of the standard; its rows exist only while it is open (a closed group costs nothing to re-render). */
const GroupSection = memo(function GroupSection({ group, expanded, onToggle, spec, indexByVar, issues, openValues, focused }: GroupProps) {
  const translate = useTranslate();
  const vars = groupVariables(group);
  const mappable = vars.filter((v) => v.kind !== 'derived');
  const withRule = mappable.filter((v) => indexByVar.has(v.name)).length;
  return (
    <Accordion expanded={expanded} onChange={(_, open) => onToggle(group, open)} disableGutters slotProps={{ transition: { unmountOnExit: true } }}
      data-testid="variable-group" data-group={group}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Stack direction="row" spacing={1} alignItems="center">
          <Typography fontWeight={600}>{translate(`app.standard_groups.${group}`)}</Typography>
          <Chip size="small" color={withRule === mappable.length ? 'success' : 'default'}
            label={translate('app.mapping.group_count', { with_rule: withRule, total: mappable.length })} />
        </Stack>
      </AccordionSummary>
      <AccordionDetails sx={{ pt: 0 }}>
        <Box>
          {vars.map((v) => {
            const index = indexByVar.get(v.name);
            return (
              <VariableRow key={v.name} variable={v} ruleIndex={index} rule={index !== undefined ? spec.rules[index] : undefined}
                issues={issues.get(v.name) ?? NO_ISSUES} open={openValues.has(v.name)} focused={focused === v.name} missingValues={spec.missingValues} />
            );
          })}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
});

/** Standard variables grouped as the standard groups them, each with its rule; the file's columns beside them. */
export const RulesPanel = ({ openValues, focused }: { openValues: ReadonlySet<string>; focused: string | null }) => {
  const { version } = useMappingEditor();
  const spec = useMappingSpec();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set(OPEN_AT_FIRST));
  useEffect(() => {
    const group = focused ? standardVariable(focused)?.group : undefined;
    if (group) setExpanded((e) => (e.has(group) ? e : new Set([...e, group])));
  }, [focused]);
  const indexByVar = useMemo(() => ruleIndexByVariable(spec), [spec]);
  const issues = useMemo(() => issuesByVariable(version.problems, version.spec), [version.problems, version.spec]);
  const toggle = useMemo(() => (group: VariableGroup, open: boolean) =>
    setExpanded((e) => { const n = new Set(e); if (open) n.add(group); else n.delete(group); return n; }), []);

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 8, xl: 9 }}>
        {STANDARD_GROUPS.map((g) => (
          <GroupSection key={g} group={g} expanded={expanded.has(g)} onToggle={toggle} spec={spec} indexByVar={indexByVar}
            issues={issues} openValues={openValues} focused={focused} />
        ))}
      </Grid>
      <Grid size={{ xs: 12, lg: 4, xl: 3 }}>
        <SourceColumnsPanel />
      </Grid>
    </Grid>
  );
};
