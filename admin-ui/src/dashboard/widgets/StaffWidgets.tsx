import { lazy, Suspense, type ReactNode } from 'react';
import { Box, Card, CardContent, CardHeader, Chip, Grid, Skeleton, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { DateTime } from '../../components/DateTime';
import { useDomainLabels } from '../../i18n/labels';
import { useDashboard, type DashboardData } from './use-dashboard';

const PartnersByStateChart = lazy(() => import('./PartnersByStateChart'));

const Widget = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Card sx={{ height: '100%' }} data-testid={testId}>
    <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h2', fontWeight: 600 } }} sx={{ pb: 0 }} />
    <CardContent>{children}</CardContent>
  </Card>
);

const Empty = ({ text }: { text: string }) => <Typography variant="body2" color="text.secondary">{text}</Typography>;

const PartnersByState = ({ counts }: { counts: Record<string, number> }) => {
  const translate = useTranslate();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <Widget title={translate('app.widgets.partners_by_state')} testId="widget-partners-by-state">
      <Typography variant="body2" color="text.secondary">{translate('app.widgets.partners_total', { smart_count: total })}</Typography>
      <Suspense fallback={<Skeleton variant="rectangular" height={220} />}>
        <PartnersByStateChart counts={counts} />
      </Suspense>
    </Widget>
  );
};

const AgreementsExpiring = ({ rows }: { rows: NonNullable<DashboardData['agreementsExpiring']> }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Widget title={translate('app.widgets.agreements_expiring')} testId="widget-agreements-expiring">
      {!rows.length ? <Empty text={translate('app.widgets.agreements_expiring_none')} /> : (
        <Table size="small">
          <TableBody>
            {rows.map((a) => (
              <TableRow key={a.agreementId}>
                <TableCell><Link to={`${createPath({ resource: 'partners', type: 'show', id: a.partnerId })}/agreements`}>{a.partnerName}</Link> · v{a.version}</TableCell>
                <TableCell>{a.expiryDate}</TableCell>
                <TableCell align="right">
                  <Chip size="small" color={a.daysLeft <= 30 ? 'error' : 'warning'} label={translate('app.widgets.days_left', { smart_count: a.daysLeft })} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Widget>
  );
};

const ContributionsDue = ({ rows }: { rows: NonNullable<DashboardData['contributionsDue']> }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Widget title={translate('app.widgets.contributions_due')} testId="widget-contributions-due">
      {!rows.length ? <Empty text={translate('app.widgets.contributions_due_none')} /> : (
        <Table size="small">
          <TableBody>
            {rows.map((p) => (
              <TableRow key={p.id}>
                <TableCell><Link to={createPath({ resource: 'partners', type: 'show', id: p.id })}>{p.name}</Link></TableCell>
                <TableCell>
                  <Chip size="small" variant="outlined" color={p.freshness === 'due' ? 'info' : p.freshness === 'overdue' ? 'warning' : 'error'}
                    label={translate(`app.partners.freshness.${p.freshness}`, { _: p.freshness ?? '' })} />
                </TableCell>
                <TableCell>{p.lastContributionAt ? <DateTime value={p.lastContributionAt} /> : <Empty text={translate('app.widgets.never')} />}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Widget>
  );
};

const NextRelease = ({ release }: { release: DashboardData['nextRelease'] }) => {
  const translate = useTranslate();
  const labels = useDomainLabels();
  return (
    <Widget title={translate('app.widgets.next_release')} testId="widget-next-release">
      {!release ? <Empty text={translate('app.widgets.next_release_none')} /> : (
        <Box>
          <Typography variant="h6" component="p">{release.version}</Typography>
          <Typography variant="body2" gutterBottom>{release.title}</Typography>
          <Chip size="small" color="primary" variant="outlined" label={labels.state('release', release.status)} />
        </Box>
      )}
    </Widget>
  );
};

/** The collaborative at a glance, for staff. */
export const StaffWidgets = () => {
  const { data } = useDashboard();
  if (!data?.partnersByState) return null;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}><PartnersByState counts={data.partnersByState} /></Grid>
      <Grid size={{ xs: 12, md: 6 }}><AgreementsExpiring rows={data.agreementsExpiring ?? []} /></Grid>
      <Grid size={{ xs: 12, md: 6 }}><ContributionsDue rows={data.contributionsDue ?? []} /></Grid>
      <Grid size={{ xs: 12, md: 6 }}><NextRelease release={data.nextRelease ?? null} /></Grid>
    </Grid>
  );
};

/** A partner user's own organisation: its state and whether a contribution is due. */
export const OwnPartner = () => {
  const translate = useTranslate();
  const labels = useDomainLabels();
  const createPath = useCreatePath();
  const { data } = useDashboard();
  const p = data?.partner;
  if (!p) return null;
  return (
    <Widget title={translate('app.widgets.own_partner')} testId="widget-own-partner">
      <Typography variant="h6" component="p"><Link to={createPath({ resource: 'partners', type: 'show', id: p.id })}>{p.name}</Link></Typography>
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        <Chip size="small" label={labels.state('partner', p.status)} />
        {p.freshness && <Chip size="small" variant="outlined" label={translate(`app.partners.freshness.${p.freshness}`)} />}
      </Box>
      <Box sx={{ mt: 2 }}>
        <Link to={createPath({ resource: 'submissions', type: 'create' })}>{translate('app.submissions.upload')}</Link>
      </Box>
    </Widget>
  );
};
