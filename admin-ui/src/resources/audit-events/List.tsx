import { Chip, Tooltip } from '@mui/material';
import { DataTable, FilterButton, List, TopToolbar, useListContext, useTranslate } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import { EntityLink } from '../../components/EntityLink';
import type { AuditEvent } from '../../components/EntityHistory';
import { useDomainLabels } from '../../i18n/labels';
import { VerifyChainButton } from './actions/VerifyChainButton';
import { useAuditFilters } from './filters';

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <VerifyChainButton />
  </TopToolbar>
);

/** Clicking a name narrows the log to that person, which works for every role. */
const ActorCell = ({ event }: { event: AuditEvent }) => {
  const { filterValues, setFilters } = useListContext();
  const translate = useTranslate();
  const labels = useDomainLabels();
  const roles = event.actorRoles.map(labels.role).join(', ');
  if (!event.actorId) return <>{event.actorName || translate('app.audit.system')}</>;
  return (
    <Tooltip title={`${roles} · ${translate('app.audit.only_actor')}`}>
      <Chip
        size="small"
        variant="outlined"
        label={event.actorName}
        onClick={(e) => {
          e.stopPropagation();
          setFilters({ ...filterValues, actorId: event.actorId });
        }}
      />
    </Tooltip>
  );
};

const StateChange = ({ event }: { event: AuditEvent }) => {
  const labels = useDomainLabels();
  if (!event.fromState && !event.toState) return null;
  const name = (s: string | null) => (s ? labels.state(event.entityType, s) : '∅');
  return <>{`${name(event.fromState)} → ${name(event.toState)}`}</>;
};

const ActionCell = ({ event }: { event: AuditEvent }) => {
  const labels = useDomainLabels();
  return <>{labels.action(event.action, event.entityType)}</>;
};

const Column = DataTable.Col<AuditEvent>;

// The API returns the newest events first whatever the sort, so the columns are not sortable.
const AuditEventList = () => {
  const filters = useAuditFilters();
  const gate = useResourceQueryGate('audit-events');
  return (
  <List filters={filters} actions={<Actions />} sort={{ field: 'id', order: 'DESC' }} exporter={false} perPage={50} empty={false} queryOptions={gate}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="occurredAt" disableSort render={(e) => <DateTime value={e.occurredAt} />} />
      <Column source="actorName" disableSort render={(e) => <ActorCell event={e} />} />
      <Column source="action" disableSort render={(e) => <ActionCell event={e} />} />
      <Column source="entityId" disableSort render={(e) => <EntityLink entityType={e.entityType} entityId={e.entityId} />} />
      <Column source="toState" label="app.audit.state_change" disableSort render={(e) => <StateChange event={e} />} />
      <Column source="reason" disableSort />
    </DataTable>
  </List>
  );
};

export default AuditEventList;
