import { Stack, Typography } from '@mui/material';
import { Labeled, Link, Show, SimpleShowLayout, TextField, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { DateTime } from '../../components/DateTime';
import { EntityLink } from '../../components/EntityLink';
import type { AuditEvent } from '../../components/EntityHistory';
import { JsonBlock, Mono } from '../../components/JsonBlock';
import { RoleChips } from '../../components/RoleChips';
import { useDomainLabels } from '../../i18n/labels';

const Title = () => {
  const event = useRecordContext<AuditEvent>();
  const labels = useDomainLabels();
  return <>{event ? `#${event.id} · ${labels.action(event.action, event.entityType)}` : ''}</>;
};

const EventBody = () => {
  const event = useRecordContext<AuditEvent>();
  const labels = useDomainLabels();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!event) return null;
  const entityFilter = encodeURIComponent(JSON.stringify({ entityType: event.entityType, entityId: event.entityId }));
  const state = (s: string | null) => (s ? labels.state(event.entityType, s) : '∅');
  return (
    <SimpleShowLayout>
      <Labeled source="occurredAt"><DateTime value={event.occurredAt} /></Labeled>
      <Labeled source="action"><Typography variant="body2">{labels.action(event.action, event.entityType)} <Mono>{`(${event.action})`}</Mono></Typography></Labeled>
      <Labeled source="actorName">
        <Stack direction="row" spacing={1} alignItems="center">
          <Typography variant="body2">{event.actorName}</Typography>
          <RoleChips roles={event.actorRoles} />
        </Stack>
      </Labeled>
      <Labeled source="entityId">
        <Stack direction="row" spacing={2} alignItems="center">
          <EntityLink entityType={event.entityType} entityId={event.entityId} />
          <Link to={`${createPath({ resource: 'audit-events', type: 'list' })}?filter=${entityFilter}`}>
            {translate('app.audit.entity_history', { type: labels.entity(event.entityType).toLowerCase() })}
          </Link>
        </Stack>
      </Labeled>
      {(event.fromState || event.toState) && (
        <Labeled label="app.audit.state_change"><Typography variant="body2">{`${state(event.fromState)} → ${state(event.toState)}`}</Typography></Labeled>
      )}
      {event.reason && <TextField source="reason" />}
      <Labeled source="details"><JsonBlock value={event.details} testId="audit-details" /></Labeled>
      <Labeled source="requestId"><Mono>{event.requestId}</Mono></Labeled>
      <TextField source="ip" emptyText="—" />
      <Labeled source="prevHash"><Mono>{event.prevHash}</Mono></Labeled>
      <Labeled source="hash"><Mono testId="audit-hash">{event.hash}</Mono></Labeled>
    </SimpleShowLayout>
  );
};

const AuditEventShow = () => (
  <Show title={<Title />} actions={false} queryOptions={useResourceQueryGate('audit-events')}>
    <EventBody />
  </Show>
);

export default AuditEventShow;
