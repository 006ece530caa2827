import type { ReactNode } from 'react';
import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { useTranslate } from 'react-admin';
import { useFormatNumber } from './ProfileTable';
import type { MappingRunReport } from './types';

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Box data-testid={testId}>
    <Typography variant="subtitle1" component="h3" gutterBottom>{title}</Typography>
    {children}
  </Box>
);

/** What harmonization could not map (per column, with examples unless withheld), what it fixed, what stays missing. */
export const HarmonizationFindings = ({ report }: { report: MappingRunReport }) => {
  const translate = useTranslate();
  const { number, percent } = useFormatNumber();
  const h = (k: string) => translate(`app.findings.${k}`);
  const consistency = Object.entries(report.consistency ?? {}).sort((a, b) => b[1] - a[1]);
  const missing = Object.entries(report.missingByVariable ?? {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const problems = (report.problems ?? []).filter((p) => p.code !== 'unmapped_value');
  return (
    <Stack spacing={3} data-testid="harmonization-findings">
      <Typography>{translate('app.findings.rows', { rows: number(report.rows) })}</Typography>
      <Section title={h('unmapped_title')} testId="findings-unmapped">
        {report.unmappedColumns.length === 0 ? (
          <Alert severity="success">{h('unmapped_none')}</Alert>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{h('column')}</TableCell>
                <TableCell>{h('variables')}</TableCell>
                <TableCell align="right">{h('unmapped')}</TableCell>
                <TableCell align="right">{h('defaulted')}</TableCell>
                <TableCell>{h('examples')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.unmappedColumns.map((c) => (
                <TableRow key={c.column} data-column={c.column}>
                  <TableCell sx={{ fontWeight: 500 }}>{c.column}</TableCell>
                  <TableCell>{c.variables.join(', ')}</TableCell>
                  <TableCell align="right">{number(c.unmapped)}</TableCell>
                  <TableCell align="right">{number(c.defaulted)}</TableCell>
                  <TableCell>
                    {c.examplesWithheld ? (
                      <Chip size="small" icon={<VisibilityOffIcon />} label={h('examples_withheld')} data-testid="examples-withheld" />
                    ) : (
                      <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
                        {c.examples.map((e) => <Chip key={e.value} size="small" variant="outlined" label={`${e.value} · ${number(e.count)}`} />)}
                        {c.distinctUnmapped != null && c.distinctUnmapped > c.examples.length && (
                          <Typography variant="caption" color="text.secondary">{translate('app.findings.distinct_unmapped', { count: number(c.distinctUnmapped) })}</Typography>
                        )}
                      </Stack>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      {problems.length > 0 && (
        <Section title={h('problems_title')}>
          <Table size="small">
            <TableBody>
              {problems.map((p) => (
                <TableRow key={`${p.code}:${p.column}:${p.variable}`}>
                  <TableCell>{translate(`app.findings.problem_codes.${p.code}`, { _: p.code })}</TableCell>
                  <TableCell>{p.column}</TableCell>
                  <TableCell>{p.variable}</TableCell>
                  <TableCell align="right">{number(p.count)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      )}
      <Section title={h('consistency_title')} testId="findings-consistency">
        {consistency.length === 0 ? <Typography color="text.secondary">{h('consistency_none')}</Typography> : (
          <Table size="small">
            <TableBody>
              {consistency.map(([key, n]) => {
                const [code, variable] = key.split(':');
                return (
                  <TableRow key={key}>
                    <TableCell>{translate(`app.findings.consistency_codes.${code}`, { _: code })}</TableCell>
                    <TableCell>{variable}</TableCell>
                    <TableCell align="right">{number(n)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Section>
      <Section title={h('missing_title')} testId="findings-missing">
        {missing.length === 0 ? <Typography color="text.secondary">{h('missing_none')}</Typography> : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{h('variable')}</TableCell>
                <TableCell align="right">{h('missing_records')}</TableCell>
                <TableCell align="right">{h('share')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {missing.map(([variable, n]) => (
                <TableRow key={variable}>
                  <TableCell>{variable}</TableCell>
                  <TableCell align="right">{number(n)}</TableCell>
                  <TableCell align="right">{report.rows ? percent(n / report.rows) : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </Stack>
  );
};
