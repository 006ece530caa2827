import { CreateButton, DataTable, List, SelectArrayInput, TopToolbar, usePermissions } from 'react-admin';
import { rolesAllow } from '../../auth/permissions';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import { useDomainLabels } from '../../i18n/labels';
import { WORKFLOWS } from '../../workflow';
import { ReleaseStatusChip } from './ReleaseStatusChip';
import type { ReleaseRow } from './types';

const Column = DataTable.Col<ReleaseRow>;

const Actions = () => {
  const { permissions: roles } = usePermissions<string[]>();
  return <TopToolbar>{rolesAllow(roles ?? [], 'releases.compose') && <CreateButton />}</TopToolbar>;
};

const ReleaseList = () => {
  const labels = useDomainLabels();
  const filters = [
    <SelectArrayInput key="status" source="status" alwaysOn sx={{ minWidth: 240 }}
      choices={WORKFLOWS.release.states.map((s) => ({ id: s, name: labels.state('release', s) }))} />,
  ];
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} perPage={25} queryOptions={useResourceQueryGate('releases')}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="version" />
        <Column source="title" disableSort />
        <Column source="status" render={(r) => <ReleaseStatusChip status={r.status} />} />
        <Column source="createdAt" render={(r) => <DateTime value={r.createdAt} />} />
        <Column source="publishedAt" disableSort render={(r) => <DateTime value={r.publishedAt} />} />
      </DataTable>
    </List>
  );
};

export default ReleaseList;
