import { CreateButton, DataTable, List, NullableBooleanInput, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import { RoleChips } from '../../components/RoleChips';
import { roleChoices } from './UserInputs';
import { UserStatusChip } from './UserStatusChip';

interface UserRow {
  id: string;
  name: string;
  email: string;
  roles: string[];
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

function useUserFilters() {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.users.search')} />,
    <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
    <NullableBooleanInput
      key="active"
      source="active"
      alwaysOn
      trueLabel={translate('app.users.active')}
      falseLabel={translate('app.users.inactive')}
    />,
  ];
}

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

const Column = DataTable.Col<UserRow>;

const UserList = () => {
  const filters = useUserFilters();
  const gate = useResourceQueryGate('users');
  return (
  <List filters={filters} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} exporter={false} perPage={25} queryOptions={gate}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="name" />
      <Column source="email" />
      <Column source="roles" disableSort render={(r) => <RoleChips roles={r.roles} />} />
      <Column source="active" disableSort render={(r) => <UserStatusChip active={r.active} />} />
      <Column source="lastLoginAt" render={(r) => <DateTime value={r.lastLoginAt} />} />
      <Column source="createdAt" render={(r) => <DateTime value={r.createdAt} />} />
    </DataTable>
  </List>
  );
};

export default UserList;
