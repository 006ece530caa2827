import { useQuery } from '@tanstack/react-query';
import type { WaitingItem } from '../../../../server/services/dashboard/waiting-item';
import { apiCall } from '../../api/http';

/** `GET /api/dashboard`: staff get the collaborative's figures, a partner user its own organisation. */
export interface DashboardData {
  waitingForMe: WaitingItem[];
  partnersByState?: Record<string, number>;
  agreementsExpiring?: { agreementId: string; partnerId: string; partnerName: string; version: number; expiryDate: string; daysLeft: number }[];
  contributionsDue?: { id: string; name: string; cadence: string; lastContributionAt: string | null; freshness: string | null }[];
  nextRelease?: { id: string; version: string; title: string; status: string } | null;
  partner?: { id: string; name: string; status: string; freshness: string | null };
}

export const DASHBOARD_KEY = ['dashboard'];

export function useDashboard() {
  return useQuery({ queryKey: DASHBOARD_KEY, queryFn: () => apiCall<DashboardData>('GET', '/dashboard'), refetchInterval: 60_000 });
}
