import { Box, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormat } from './format';
import type { PolicySnapshot, RunMeasures } from './types';

/** Distinct labels a hierarchy publishes at one level, in first-appearance order. */
export function labelsAt(policy: PolicySnapshot, qi: string, level: number): string[] {
  const rows = policy.hierarchies[qi]?.rows ?? [];
  return [...new Set(rows.map((r) => r[level]).filter((v) => v !== undefined))];
}

const shown = (label: string, empty: string) => (label === '' ? empty : label);

/**
 * Per quasi-identifier: the generalization level the search chose against the highest level the
 * policy allows, what that level publishes, and its share of the information loss.
 */
export const LevelsTable = ({ measures, policy }: { measures: RunMeasures; policy: PolicySnapshot }) => {
  const translate = useTranslate();
  const format = useFormat();
  const empty = translate('app.runs.empty_value');
  const lossByQi = new Map(measures.informationLoss.perQi.map((l) => [l.qi, l.loss]));
  return (
    <Table size="small" data-testid="run-levels">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.runs.qi')}</TableCell>
          <TableCell>{translate('app.runs.level_chosen')}</TableCell>
          <TableCell>{translate('app.runs.level_max')}</TableCell>
          <TableCell>{translate('app.runs.labels_published')}</TableCell>
          <TableCell align="right">{translate('app.runs.loss_qi')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {measures.levels.map(({ qi, level, height }) => {
          const max = measures.policy.maxLevels[qi] ?? policy.maxLevels[qi] ?? height;
          const labels = labelsAt(policy, qi, level);
          const examples = labels.slice(0, 4).map((l) => shown(l, empty)).join(', ');
          return (
            <TableRow key={qi} data-qi={qi}>
              <TableCell><Typography variant="body2" sx={{ fontFamily: 'monospace' }}>{qi}</Typography></TableCell>
              <TableCell>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 140 }}>
                  <LinearProgress variant="determinate" value={height ? (100 * level) / height : 0} sx={{ flex: 1, height: 6, borderRadius: 3 }} aria-hidden />
                  <Typography variant="body2" data-testid="level-chosen">
                    {level === height ? translate('app.runs.level_suppressed', { level }) : translate('app.runs.level_n', { level })}
                  </Typography>
                </Box>
              </TableCell>
              <TableCell>{translate('app.runs.level_of', { max, height })}</TableCell>
              <TableCell>
                <Tooltip title={labels.map((l) => shown(l, empty)).join(', ')}>
                  <Typography variant="body2">
                    {translate('app.runs.labels_count', { smart_count: labels.length })}
                    {examples && <Typography component="span" variant="body2" color="text.secondary">{` · ${examples}${labels.length > 4 ? ', …' : ''}`}</Typography>}
                  </Typography>
                </Tooltip>
              </TableCell>
              <TableCell align="right">{format.dec(lossByQi.get(qi))}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
