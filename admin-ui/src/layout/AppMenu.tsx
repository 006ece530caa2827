import { Menu, usePermissions } from 'react-admin';
import { RESOURCE_PERMISSION, rolesAllow } from '../auth/permissions';

/** Menu entries in order; each shows only to the roles whose API permission opens it. */
const ENTRIES = ['partners', 'submissions', 'mapping-versions', 'releases', 'anonymization-runs', 'policies', 'reports', 'users', 'audit-events', 'job-runs', 'notifications'];

export const AppMenu = () => {
  const { permissions: roles } = usePermissions<string[]>();
  return (
    <Menu>
      <Menu.DashboardItem />
      {ENTRIES.filter((name) => rolesAllow(roles ?? [], RESOURCE_PERMISSION[name])).map((name) => (
        <Menu.ResourceItem key={name} name={name} />
      ))}
    </Menu>
  );
};
