import { Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, usePermissions, useTranslate } from 'react-admin';
import type { AuditEventRow } from '../../../server/audit/audit-event';
import { rolesAllow } from '../auth/permissions';
import { useDomainLabels } from '../i18n/labels';
import { DateTime } from './DateTime';

/** An audit event as the API sends it (dates as ISO strings). */
export type AuditEvent = AuditEventRow<string>;

export interface EntityHistoryProps {
  entityType: string;
  entityId: string | number | undefined;
  /** How many recent events to show; the rest are one click away in the audit log. */
  limit?: number;
  title?: string;
}

/** The audit trail of one entity, newest first, for that entity's own page. */
export const EntityHistory = ({ entityType, entityId, limit = 20, title }: EntityHistoryProps) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { permissions: roles, isPending: rolesPending } = usePermissions<string[]>();
  const allowed = rolesAllow(roles ?? [], 'audit.read');
  const filter = { entityType, entityId: String(entityId ?? '') };
  const { data, total, isPending, error } = useGetList<AuditEvent>(
    'audit-events',
    { filter, pagination: { page: 1, perPage: limit }, sort: { field: 'id', order: 'DESC' } },
    { enabled: allowed && entityId != null },
  );
  // People without the audit permission simply do not see this panel.
  if (rolesPending || !allowed || entityId == null) return null;
  const listPath = `${createPath({ resource: 'audit-events', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  return (
    <Card variant="outlined" data-testid="entity-history">
      <CardHeader
        title={title ?? translate('app.history.title')}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
        action={total ? <Link to={listPath} sx={{ mr: 1 }}>{translate('app.history.see_all')}</Link> : null}
      />
      <CardContent sx={{ pt: 0 }}>
        {error ? (
          <Typography color="error">{error.message}</Typography>
        ) : isPending ? null : !data?.length ? (
          <Typography color="text.secondary">{translate('app.history.empty')}</Typography>
        ) : (
          <HistoryTable events={data} />
        )}
      </CardContent>
    </Card>
  );
};

const HistoryTable = ({ events }: { events: AuditEvent[] }) => {
  const translate = useTranslate();
  const labels = useDomainLabels();
  const createPath = useCreatePath();
  const field = (name: string) => translate(`resources.audit-events.fields.${name}`);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{field('occurredAt')}</TableCell>
          <TableCell>{field('actorName')}</TableCell>
          <TableCell>{field('action')}</TableCell>
          <TableCell>{translate('app.audit.state_change')}</TableCell>
          <TableCell>{field('reason')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map((e) => (
          <TableRow key={e.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <Link to={createPath({ resource: 'audit-events', type: 'show', id: e.id })}>
                <DateTime value={e.occurredAt} />
              </Link>
            </TableCell>
            <TableCell>{e.actorName}</TableCell>
            <TableCell>{labels.action(e.action, e.entityType)}</TableCell>
            <TableCell>
              {e.fromState || e.toState
                ? `${e.fromState ? labels.state(e.entityType, e.fromState) : '∅'} → ${e.toState ? labels.state(e.entityType, e.toState) : '∅'}`
                : ''}
            </TableCell>
            <TableCell>{e.reason ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
