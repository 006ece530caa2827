export type ReportStatus = 'queued' | 'running' | 'completed' | 'failed';

/** A row of `GET /api/reports`. */
export interface ReportRow {
  id: string;
  kind: string;
  partnerId: string | null;
  partnerName: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  status: ReportStatus;
  requestedBy: string | null;
  requestedByName: string | null;
  filename: string | null;
  size: number | null;
  sha256: string | null;
  failureReason: string | null;
  createdAt: string;
  completedAt: string | null;
}

export const REPORT_STATUSES: readonly ReportStatus[] = ['queued', 'running', 'completed', 'failed'];
export const reportWorking = (s: ReportStatus | undefined) => s === 'queued' || s === 'running';
