import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { useFormat } from './format';
import type { NodeMeasures, RunDetail } from './types';

interface Column {
  key: string;
  title: ReactNode;
  measures: NodeMeasures | null | undefined;
}

/**
 * This run's figures beside CTDC's approach (no generalization, every class below k suppressed)
 * on the same records, and beside the previous published release.
 */
export const ComparisonTable = ({ run }: { run: RunDetail }) => {
  const translate = useTranslate();
  const format = useFormat();
  const createPath = useCreatePath();
  const m = run.measures!;
  const previous = run.previousRelease;
  const columns: Column[] = [
    { key: 'run', title: translate('app.runs.this_run'), measures: m },
    { key: 'suppression', title: translate('app.runs.suppression_only'), measures: m.suppressionOnly },
    {
      key: 'previous',
      title: previous ? (
        <Link to={createPath({ resource: 'releases', type: 'show', id: previous.releaseId })}>{translate('app.runs.previous_release', { version: previous.version })}</Link>
      ) : translate('app.runs.previous_none'),
      measures: previous?.measures,
    },
  ];
  const rows: { key: string; label: string; value(x: NodeMeasures): ReactNode }[] = [
    { key: 'in', label: translate('app.runs.records_in'), value: (x) => format.int(x.records.in) },
    { key: 'kept', label: translate('app.runs.records_kept'), value: (x) => `${format.int(x.records.kept)} (${format.pct(x.records.in ? x.records.kept / x.records.in : 0)})` },
    { key: 'suppressed', label: translate('app.runs.records_suppressed'), value: (x) => `${format.int(x.records.suppressed)} (${format.pct(x.records.suppressedShare)})` },
    { key: 'classes', label: translate('app.runs.classes'), value: (x) => format.int(x.classes.count) },
    { key: 'smallest', label: translate('app.runs.smallest_class'), value: (x) => (x.classes.smallest == null ? '—' : format.int(x.classes.smallest)) },
    { key: 'highest', label: translate('app.runs.risk_highest'), value: (x) => format.pct(x.risk.highest) },
    { key: 'average', label: translate('app.runs.risk_average'), value: (x) => format.pct(x.risk.average) },
    { key: 'above', label: translate('app.runs.risk_above', { threshold: format.pct(m.risk.threshold) }), value: (x) => format.pct(x.risk.recordsAboveThresholdShare) },
    { key: 'loss', label: translate('app.runs.loss_total', { measure: m.informationLoss.measure }), value: (x) => format.dec(x.informationLoss.total) },
    { key: 'levels', label: translate('app.runs.levels_row'), value: (x) => x.levels.map((l) => l.level).join(' · ') },
  ];
  return (
    <Table size="small" data-testid="run-comparison">
      <TableHead>
        <TableRow>
          <TableCell />
          {columns.map((c) => <TableCell key={c.key} align="right" sx={{ fontWeight: 600 }}>{c.title}</TableCell>)}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key} data-row={r.key}>
            <TableCell component="th" scope="row">{r.label}</TableCell>
            {columns.map((c) => (
              <TableCell key={c.key} align="right" data-column={c.key}>
                {c.measures ? r.value(c.measures) : <Typography variant="body2" color="text.secondary">—</Typography>}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
