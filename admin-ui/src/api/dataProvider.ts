import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier } from 'react-admin';
import { apiCall, httpClient } from './http';

const base = simpleRestProvider('/api', httpClient);

export interface AuditVerification {
  ok: boolean;
  eventsChecked: number;
  firstBrokenLink: unknown;
}

/** ra-data-simple-rest, plus the API's action endpoints that are not plain CRUD. */
export const dataProvider = {
  ...base,
  // The list routes do not filter by id, so "many" is fetched one by one (they are few: references).
  async getMany(resource, params) {
    const data = await Promise.all(params.ids.map((id) => base.getOne(resource, { id, meta: params.meta }).then((r) => r.data)));
    return { data };
  },
  /** `POST /api/<resource>/:id/actions/<action>`: the server's convention for every workflow transition. */
  workflowAction(resource: string, id: Identifier, action: string, body: Record<string, unknown>) {
    return apiCall<Record<string, unknown>>('POST', `/${resource}/${encodeURIComponent(String(id))}/actions/${encodeURIComponent(action)}`, body);
  },
  resetPassword(userId: Identifier, password: string) {
    return apiCall('POST', `/users/${encodeURIComponent(String(userId))}/reset-password`, { password });
  },
  verifyAuditChain() {
    return apiCall<AuditVerification>('GET', '/audit/verify');
  },
  startSelfTest(failTimes = 1) {
    return apiCall<{ id: string }>('POST', '/job-runs/self-test', { failTimes });
  },
  unreadNotificationCount() {
    return apiCall<{ unread: number }>('GET', '/notifications/unread-count');
  },
  markNotificationRead(id: Identifier) {
    return apiCall('POST', `/notifications/${encodeURIComponent(String(id))}/read`);
  },
  markAllNotificationsRead() {
    return apiCall('POST', '/notifications/read-all');
  },
} satisfies DataProvider;

export type AppDataProvider = typeof dataProvider;
