import { DataTable, NumberField, useLocaleState } from 'react-admin';
import { formatBytes } from '../../api/upload';
import { DateTime } from '../../components/DateTime';
import { SubmissionStatusChip } from './SubmissionStatusChip';
import type { SubmissionRow } from './types';

const Column = DataTable.Col<SubmissionRow>;

const Size = ({ bytes }: { bytes: number }) => {
  const [locale] = useLocaleState();
  return <>{formatBytes(bytes, locale)}</>;
};

/** The columns every list of submissions shows; the partner column only where several partners appear. */
export const SubmissionTable = ({ withPartner = true }: { withPartner?: boolean }) => (
  <DataTable rowClick="show" bulkActionButtons={false} resource="submissions">
    <Column source="originalName" />
    {withPartner && <Column source="partnerName" disableSort />}
    <Column source="status" render={(r) => <SubmissionStatusChip status={r.status} />} />
    <Column source="size" disableSort render={(r) => <Size bytes={r.size} />} />
    <Column source="recordCount" disableSort align="right" render={() => <NumberField source="recordCount" />} />
    <Column source="uploadedByName" disableSort />
    <Column source="receivedAt" render={(r) => <DateTime value={r.receivedAt} />} />
  </DataTable>
);
