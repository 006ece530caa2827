import { Box, Card, CardContent, CardHeader, Grid, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from './format';
import type { RunMeasures, SuppressionCount } from './types';

const TOP = 12;

/** Largest losses first; then the largest contributors, so the chart shows what matters. */
const topRows = (rows: SuppressionCount[]) =>
  [...rows].sort((a, b) => b.suppressed - a.suppressed || b.records - a.records).slice(0, TOP);

const ChartCard = ({ title, subheader, testId, children }: { title: string; subheader?: string; testId: string; children: React.ReactNode }) => (
  <Card variant="outlined" data-testid={testId} sx={{ height: '100%' }}>
    <CardHeader title={title} subheader={subheader} slotProps={{ title: { variant: 'subtitle1', component: 'h3' }, subheader: { variant: 'body2' } }} />
    <CardContent sx={{ pt: 0 }}>{children}</CardContent>
  </Card>
);

/** Loaded on its own so that recharts stays out of the first screen's bundle. */
const RunCharts = ({ measures }: { measures: RunMeasures }) => {
  const translate = useTranslate();
  const format = useFormat();
  const theme = useTheme();
  const kept = translate('app.runs.kept');
  const suppressed = translate('app.runs.suppressed');
  const classes = translate('app.runs.classes');
  const records = translate('app.runs.records');
  const partnerName = new Map((measures.partners ?? []).map((p) => [p.id, p.name]));
  const unknown = translate('app.runs.unknown_country');

  const sizes = measures.classes.sizeDistribution.map((b) => ({ bucket: b.label, [classes]: b.classes, [records]: b.records }));
  const stack = (rows: SuppressionCount[], name: (key: string) => string) =>
    topRows(rows).map((r) => ({ name: name(r.key), [kept]: r.records - r.suppressed, [suppressed]: r.suppressed }));
  const countries = stack(measures.suppressedByCountry, (k) => (k === '' ? unknown : format.country(k)));
  const partners = stack(measures.suppressedByPartner, (k) => partnerName.get(k) ?? k.slice(0, 8));
  const tick = { fontSize: 11 };
  const colors = { kept: theme.palette.primary.main, suppressed: theme.palette.error.main, classes: theme.palette.secondary.main };

  const stacked = (data: Record<string, string | number>[], height: number) => (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={tick} />
        <YAxis type="category" dataKey="name" width={150} tick={tick} interval={0} />
        <Tooltip />
        <Legend />
        <Bar dataKey={kept} stackId="r" fill={colors.kept} isAnimationActive={false} />
        <Bar dataKey={suppressed} stackId="r" fill={colors.suppressed} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <ChartCard title={translate('app.runs.chart_class_sizes')} subheader={translate('app.runs.chart_class_sizes_help', { k: measures.policy.k })} testId="chart-class-sizes">
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={sizes} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="bucket" tick={tick} interval={0} />
              <YAxis yAxisId="classes" allowDecimals={false} tick={tick} />
              <YAxis yAxisId="records" orientation="right" allowDecimals={false} tick={tick} />
              <Tooltip />
              <Legend />
              <Bar yAxisId="classes" dataKey={classes} fill={colors.classes} isAnimationActive={false} />
              <Bar yAxisId="records" dataKey={records} fill={colors.kept} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ChartCard title={translate('app.runs.chart_partners')} testId="chart-partners">
          {stacked(partners, Math.max(160, 40 * partners.length + 60))}
        </ChartCard>
      </Grid>
      <Grid size={12}>
        <ChartCard
          title={translate('app.runs.chart_countries')}
          subheader={translate('app.runs.chart_countries_help', { shown: countries.length, total: measures.suppressedByCountry.length })}
          testId="chart-countries"
        >
          <Box>{stacked(countries, Math.max(200, 26 * countries.length + 60))}</Box>
        </ChartCard>
      </Grid>
    </Grid>
  );
};

export default RunCharts;
