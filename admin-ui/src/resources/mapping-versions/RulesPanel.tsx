import { useEffect, useState } from 'react';
import { Accordion, AccordionDetails, AccordionSummary, Box, Chip, Grid, Stack, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslate } from 'react-admin';
import { groupVariables, STANDARD_GROUPS, standardVariable, type VariableGroup } from '../../standard';
import { useMappingEditor } from './editor-context';
import { ruleIndexByVariable } from './spec-edit';
import { SourceColumnsPanel } from './SourceColumnsPanel';
import { VariableRow } from './VariableRow';

const OPEN_AT_FIRST: VariableGroup[] = ['registration', 'demographics'];

/** Standard variables grouped as the standard groups them, each with its rule; the file's columns beside them. */
export const RulesPanel = () => {
  const translate = useTranslate();
  const { spec, version, focused } = useMappingEditor();
  const [expanded, setExpanded] = useState<Set<string>>(new Set(OPEN_AT_FIRST));
  useEffect(() => {
    const group = focused ? standardVariable(focused)?.group : undefined;
    if (group) setExpanded((e) => (e.has(group) ? e : new Set([...e, group])));
  }, [focused]);
  const indexByVar = ruleIndexByVariable(spec);
  const issuesOf = (variable: string, index: number | undefined) =>
    version.problems
      .filter((p) => p.variable === variable || (index !== undefined && p.path !== undefined && (p.path === `rules.${index}` || p.path.startsWith(`rules.${index}.`)) && !p.variable))
      .map((p) => p.message);

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 8, xl: 9 }}>
        {STANDARD_GROUPS.map((g) => {
          const vars = groupVariables(g);
          const mappable = vars.filter((v) => v.kind !== 'derived');
          const withRule = mappable.filter((v) => indexByVar.has(v.name)).length;
          return (
            <Accordion
              key={g}
              expanded={expanded.has(g)}
              onChange={(_, open) => setExpanded((e) => { const n = new Set(e); if (open) n.add(g); else n.delete(g); return n; })}
              disableGutters
              data-testid="variable-group"
              data-group={g}
            >
              <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                <Stack direction="row" spacing={1} alignItems="center">
                  <Typography fontWeight={600}>{translate(`app.standard_groups.${g}`)}</Typography>
                  <Chip size="small" color={withRule === mappable.length ? 'success' : 'default'}
                    label={translate('app.mapping.group_count', { with_rule: withRule, total: mappable.length })} />
                </Stack>
              </AccordionSummary>
              <AccordionDetails sx={{ pt: 0 }}>
                <Box>
                  {vars.map((v) => <VariableRow key={v.name} variable={v} ruleIndex={indexByVar.get(v.name)} issues={issuesOf(v.name, indexByVar.get(v.name))} />)}
                </Box>
              </AccordionDetails>
            </Accordion>
          );
        })}
      </Grid>
      <Grid size={{ xs: 12, lg: 4, xl: 3 }}>
        <SourceColumnsPanel />
      </Grid>
    </Grid>
  );
};
