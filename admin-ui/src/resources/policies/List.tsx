import { Chip, Stack } from '@mui/material';
import { BooleanInput, CreateButton, DataTable, List, TextInput, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { rolesAllow } from '../../auth/permissions';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import type { PolicySummary } from './types';

const Column = DataTable.Col<PolicySummary>;

const Actions = () => {
  const { permissions: roles } = usePermissions<string[]>();
  const translate = useTranslate();
  return <TopToolbar>{rolesAllow(roles ?? [], 'policies.write') && <CreateButton label={translate('app.policies.new_policy')} />}</TopToolbar>;
};

const PolicyList = () => {
  const translate = useTranslate();
  const filters = [
    <BooleanInput key="latest" source="latest" label={translate('app.policies.latest_only')} alwaysOn />,
    <TextInput key="name" source="name" alwaysOn />,
  ];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ latest: true }}
      actions={<Actions />}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      perPage={25}
      queryOptions={useResourceQueryGate('policies')}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="name" />
        <Column source="version" />
        <Column source="qis" disableSort render={(r) => (
          <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
            {r.qis.map((qi) => <Chip key={qi} size="small" label={qi} variant="outlined" />)}
          </Stack>
        )} />
        <Column source="k" disableSort />
        <Column source="suppressionLimit" disableSort render={(r) => `${+(r.suppressionLimit * 100).toFixed(2)} %`} />
        <Column source="lDiversity" disableSort render={(r) => (r.lDiversity ? translate('app.policies.l_diversity_value', r.lDiversity) : '—')} />
        <Column source="createdAt" render={(r) => <DateTime value={r.createdAt} />} />
      </DataTable>
    </List>
  );
};

export default PolicyList;
