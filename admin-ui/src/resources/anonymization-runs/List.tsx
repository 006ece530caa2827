import { DataTable, List, SelectInput, useTranslate } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import { useDomainLabels } from '../../i18n/labels';
import { WORKFLOWS } from '../../workflow';
import { useFormat } from './format';
import { RunStatusChip } from './RunStatusChip';
import type { RunSummary } from './types';

const Column = DataTable.Col<RunSummary>;

const RunList = () => {
  const labels = useDomainLabels();
  const translate = useTranslate();
  const format = useFormat();
  const filters = [
    <SelectInput key="status" source="status" alwaysOn choices={WORKFLOWS.anonymization_run.states.map((s) => ({ id: s, name: labels.state('anonymization_run', s) }))} />,
  ];
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} perPage={25} queryOptions={useResourceQueryGate('anonymization-runs')}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="releaseVersion" disableSort />
        <Column source="status" render={(r) => <RunStatusChip status={r.status} />} />
        <Column source="policyName" disableSort render={(r) => translate('app.policies.name_version', { name: r.policyName, version: r.policyVersion })} />
        <Column source="outputRows" disableSort render={(r) => format.int(r.outputRows)} />
        <Column source="startedByName" disableSort />
        <Column source="decidedByName" disableSort />
        <Column source="createdAt" render={(r) => <DateTime value={r.createdAt} />} />
        <Column source="completedAt" render={(r) => <DateTime value={r.completedAt} />} />
      </DataTable>
    </List>
  );
};

export default RunList;
