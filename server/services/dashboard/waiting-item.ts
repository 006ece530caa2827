/** One thing waiting for the signed-in person. Types only and no imports: the admin UI reads it too. */
export interface WaitingItem {
  kind: string;
  title: string;
  entityType: string;
  entityId: string;
  state: string;
}
