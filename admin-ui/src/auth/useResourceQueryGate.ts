import { usePermissions, useResourceContext } from 'react-admin';
import { canOpenResource } from './permissions';

/**
 * react-admin shows "Access denied" when canAccess refuses, yet still sends the page's request
 * once, and the API's 403 then pops up as an error. Pages of restricted resources spread this into
 * their queryOptions so nothing is asked of the API that it will refuse.
 */
export function useResourceQueryGate(resource?: string): { enabled: boolean } {
  const contextResource = useResourceContext();
  const { permissions: roles } = usePermissions<string[]>();
  return { enabled: !!roles && canOpenResource(roles, resource ?? contextResource ?? '') };
}
