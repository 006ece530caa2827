import { Chip, Stack } from '@mui/material';
import {
  DateField, EditButton, FunctionField, Labeled, Show, TabbedShowLayout, TextField, TopToolbar, UrlField, usePermissions, useRecordContext,
  useTranslate,
} from 'react-admin';
import { rolesAllow, type Permission } from '../../auth/permissions';
import { EntityHistory } from '../../components/EntityHistory';
import { WORKFLOWS } from '../../workflow';
import { WorkflowActions } from '../../workflow/WorkflowActions';
import { AgreementsPanel } from './AgreementsPanel';
import { ContactsPanel } from './ContactsPanel';
import { CountryList, FreshnessChip, PartnerStatusChip } from './PartnerChips';
import { PartnerSubmissionsPanel } from './PartnerSubmissionsPanel';
import { PartnerUsersPanel } from './PartnerUsersPanel';
import { dataSourceKey, type PartnerDetail } from './types';

const Title = () => <>{useRecordContext<PartnerDetail>()?.name ?? ''}</>;

const Actions = () => {
  const partner = useRecordContext<PartnerDetail>();
  const { permissions: roles } = usePermissions<string[]>();
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
      <PartnerStatusChip status={partner?.status} />
      <WorkflowActions workflow={WORKFLOWS.partner} />
      {rolesAllow(roles ?? [], 'partners.manage') && <EditButton />}
    </TopToolbar>
  );
};

const Profile = () => {
  const translate = useTranslate();
  const partner = useRecordContext<PartnerDetail>();
  if (!partner) return null;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={4} useFlexGap flexWrap="wrap">
        <Labeled source="shortCode"><TextField source="shortCode" /></Labeled>
        <Labeled source="type"><FunctionField render={(p: PartnerDetail) => translate(`app.partners.types.${p.type}`, { _: p.type })} /></Labeled>
        <Labeled source="dataSource"><FunctionField render={(p: PartnerDetail) => translate(`app.partners.data_sources.${dataSourceKey(p.dataSource)}`, { _: p.dataSource })} /></Labeled>
        <Labeled source="cadence"><FunctionField render={(p: PartnerDetail) => translate(`app.partners.cadences.${p.cadence}`, { _: p.cadence })} /></Labeled>
        <Labeled source="liaisonName"><TextField source="liaisonName" emptyText="—" /></Labeled>
      </Stack>
      <Labeled source="countries"><CountryList codes={partner.countries} max={20} /></Labeled>
      {partner.website && <Labeled source="website"><UrlField source="website" target="_blank" rel="noreferrer" /></Labeled>}
      {partner.description && <Labeled source="description"><TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} /></Labeled>}
      <Stack direction="row" spacing={4} useFlexGap flexWrap="wrap">
        <Labeled source="freshness"><FreshnessChip freshness={partner.freshness} /></Labeled>
        <Labeled source="lastContributionAt"><DateField source="lastContributionAt" showTime emptyText="—" /></Labeled>
        <Labeled source="activatedAt"><DateField source="activatedAt" showTime emptyText="—" /></Labeled>
        <Labeled source="createdAt"><DateField source="createdAt" showTime /></Labeled>
        {partner.keepContributions !== null && (
          <Labeled source="keepContributions">
            <Chip size="small" label={translate(partner.keepContributions ? 'ra.boolean.true' : 'ra.boolean.false')} />
          </Labeled>
        )}
      </Stack>
    </Stack>
  );
};

const History = () => {
  const partner = useRecordContext<PartnerDetail>();
  return partner ? <EntityHistory entityType="partner" entityId={partner.id} limit={50} /> : null;
};

const PartnerShow = () => {
  const { permissions: roles } = usePermissions<string[]>();
  const translate = useTranslate();
  const may = (p: Permission) => rolesAllow(roles ?? [], p);
  const tab = (key: string) => translate(`app.partners.tabs.${key}`);
  return (
    <Show actions={<Actions />} title={<Title />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={tab('profile')}><Profile /></TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={tab('contacts')} path="contacts"><ContactsPanel /></TabbedShowLayout.Tab>
        {may('agreements.read') && <TabbedShowLayout.Tab label={tab('agreements')} path="agreements"><AgreementsPanel /></TabbedShowLayout.Tab>}
        {may('partners.manage') && <TabbedShowLayout.Tab label={tab('users')} path="users"><PartnerUsersPanel /></TabbedShowLayout.Tab>}
        {may('submissions.read') && <TabbedShowLayout.Tab label={tab('submissions')} path="submissions"><PartnerSubmissionsPanel /></TabbedShowLayout.Tab>}
        {may('audit.read') && <TabbedShowLayout.Tab label={tab('history')} path="history"><History /></TabbedShowLayout.Tab>}
      </TabbedShowLayout>
    </Show>
  );
};

export default PartnerShow;
