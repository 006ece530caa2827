import { IconButton, Tooltip } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { DataTable, List, SelectInput, TopToolbar, useLocaleState, useTranslate } from 'react-admin';
import { formatBytes } from '../../api/upload';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import { NewReportButton } from './NewReportButton';
import { ReportStatus } from './ReportStatus';
import { REPORT_STATUSES, reportWorking, type ReportRow } from './types';

const Column = DataTable.Col<ReportRow>;

const Actions = () => <TopToolbar><NewReportButton /></TopToolbar>;

/** Reports are kept and listed; the list follows the ones still being built until they finish. */
const ReportList = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const gate = useResourceQueryGate('reports');
  const filters = [
    <SelectInput key="status" source="status" alwaysOn choices={REPORT_STATUSES.map((s) => ({ id: s, name: translate(`app.reports.statuses.${s}`) }))} />,
  ];
  return (
    <List
      filters={filters}
      actions={<Actions />}
      // An empty list keeps its toolbar: "New contribution report" is how the first one is made.
      empty={false}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      perPage={25}
      queryOptions={{ ...gate, refetchInterval: (query) => ((query.state.data as { data?: ReportRow[] } | undefined)?.data?.some((r) => reportWorking(r.status)) ? 1500 : false) }}
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <Column source="kind" disableSort render={(r) => translate(`app.reports.kinds.${r.kind}`, { _: r.kind })} />
        <Column source="partnerName" disableSort />
        <Column source="periodEnd" label={translate('app.reports.period')} render={(r) => (r.periodStart || r.periodEnd ? `${r.periodStart ?? '…'} – ${r.periodEnd ?? '…'}` : translate('app.reports.all_time'))} />
        <Column source="status" render={(r) => <ReportStatus report={r} />} />
        <Column source="requestedByName" disableSort render={(r) => r.requestedByName ?? translate('app.reports.scheduled')} />
        <Column source="createdAt" render={(r) => <DateTime value={r.createdAt} />} />
        <Column source="size" disableSort render={(r) => formatBytes(r.size, locale)} />
        <Column source="filename" disableSort label={translate('app.reports.download')} render={(r) => (r.status === 'completed' ? (
          <Tooltip title={r.filename ?? ''}>
            <IconButton component="a" href={`/api/reports/${encodeURIComponent(r.id)}/download`} download={r.filename ?? undefined} aria-label={`${translate('app.reports.download')} ${r.filename ?? ''}`} data-testid="report-download">
              <DownloadIcon />
            </IconButton>
          </Tooltip>
        ) : null)} />
      </DataTable>
    </List>
  );
};

export default ReportList;
