import type { MouseEvent } from 'react';
import { Typography } from '@mui/material';
import { Link, useCreatePath, usePermissions } from 'react-admin';
import { canOpenResource } from '../auth/permissions';
import { ENTITY_PAGES } from '../entities';
import { useDomainLabels } from '../i18n/labels';

interface EntityLinkProps {
  entityType: string | null | undefined;
  entityId: string | null | undefined;
  /** Show "Type · id" instead of only the id. */
  withType?: boolean;
}

/** An entity named by type and id: a link to its page when the UI has one this user may open. */
export const EntityLink = ({ entityType, entityId, withType = true }: EntityLinkProps) => {
  const createPath = useCreatePath();
  const labels = useDomainLabels();
  const { permissions: roles } = usePermissions<string[]>();
  if (!entityType) return null;
  const page = ENTITY_PAGES[entityType];
  const text = withType ? `${labels.entity(entityType)}${entityId ? ` · ${shortId(entityId)}` : ''}` : shortId(entityId ?? '');
  if (!page || !entityId || !canOpenResource(roles, page.resource)) {
    return <Typography variant="body2" component="span" title={entityId ?? undefined}>{text}</Typography>;
  }
  return (
    <Link to={createPath({ resource: page.resource, type: page.view, id: entityId })} title={entityId} onClick={(e: MouseEvent) => e.stopPropagation()}>
      {text}
    </Link>
  );
};

/** UUIDs are long; the first block is enough to tell rows apart (the full id is in the title). */
export const shortId = (id: string) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? id.slice(0, 8) : id);
