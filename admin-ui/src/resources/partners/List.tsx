import {
  AutocompleteInput, CreateButton, DataTable, List, SearchInput, SelectInput, TopToolbar, usePermissions, useTranslate,
} from 'react-admin';
import { rolesAllow } from '../../auth/permissions';
import { DateTime } from '../../components/DateTime';
import { useCountries } from './countries';
import { CountryList, FreshnessChip, PartnerStatusChip } from './PartnerChips';
import { typeChoices } from './PartnerInputs';
import { StateTabs } from './StateTabs';
import { FRESHNESS, type PartnerRow } from './types';

function usePartnerFilters() {
  const translate = useTranslate();
  const { choices } = useCountries();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.partners.search')} />,
    <SelectInput key="type" source="type" choices={typeChoices} alwaysOn />,
    <AutocompleteInput key="country" source="country" choices={choices} translateChoice={false} alwaysOn sx={{ minWidth: 220 }} />,
    <SelectInput key="freshness" source="freshness" alwaysOn choices={FRESHNESS.map((f) => ({ id: f, name: `app.partners.freshness.${f}` }))} />,
  ];
}

const Actions = () => {
  const { permissions: roles } = usePermissions<string[]>();
  return <TopToolbar>{rolesAllow(roles ?? [], 'partners.manage') && <CreateButton />}</TopToolbar>;
};

const TypeLabel = ({ type }: { type: string }) => <>{useTranslate()(`app.partners.types.${type}`, { _: type })}</>;

const Column = DataTable.Col<PartnerRow>;

const PartnerList = () => {
  const filters = usePartnerFilters();
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} exporter={false} perPage={25} empty={false}>
      <StateTabs />
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="name" />
        <Column source="shortCode" />
        <Column source="type" disableSort render={(r) => <TypeLabel type={r.type} />} />
        <Column source="countries" disableSort render={(r) => <CountryList codes={r.countries} />} />
        <Column source="status" render={(r) => <PartnerStatusChip status={r.status} />} />
        <Column source="freshness" disableSort render={(r) => <FreshnessChip freshness={r.freshness} />} />
        <Column source="lastContributionAt" render={(r) => <DateTime value={r.lastContributionAt} />} />
      </DataTable>
    </List>
  );
};

export default PartnerList;
