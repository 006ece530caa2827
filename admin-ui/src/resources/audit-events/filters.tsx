import { AutocompleteInput, DateInput, ReferenceInput, SelectInput, TextInput, usePermissions, useTranslate } from 'react-admin';
import { rolesAllow } from '../../auth/permissions';
import { ENTITY_TYPES } from '../../entities';

/** Admins pick an actor by name; others (who cannot list users) filter by clicking a name in the log. */
const ActorInput = (props: { source: string; alwaysOn?: boolean }) => {
  const { permissions: roles } = usePermissions<string[]>();
  const translate = useTranslate();
  if (rolesAllow(roles ?? [], 'users.manage')) {
    return (
      <ReferenceInput {...props} reference="users">
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 240 }} />
      </ReferenceInput>
    );
  }
  return <TextInput {...props} label={translate('app.audit.actor_id')} />;
};

export function useAuditFilters() {
  const translate = useTranslate();
  return [
    <SelectInput
      key="entityType"
      source="entityType"
      alwaysOn
      choices={ENTITY_TYPES.map((t) => ({ id: t, name: `entities.${t}` }))}
    />,
    <TextInput key="action" source="action" alwaysOn />,
    <ActorInput key="actorId" source="actorId" alwaysOn />,
    <TextInput key="entityId" source="entityId" />,
    <DateInput key="from" source="from" label={translate('app.audit.from')} />,
    <DateInput key="to" source="to" label={translate('app.audit.to')} />,
  ];
}
