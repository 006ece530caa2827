import type { ArtifactKind, ReleaseStatus, RunStatus } from '../../../../db/schema';

export type { ArtifactKind, ReleaseStatus };

export interface ReleaseSubmission {
  id: string;
  partnerId: string;
  partnerName: string;
  originalName: string;
  recordCount: number | null;
}

export interface EligibleSubmission extends ReleaseSubmission {
  harmonizedAt: string | null;
}

export interface ReleaseSignoff {
  id: string;
  round: number;
  role: 'privacy_officer' | 'release_manager';
  decision: 'approve' | 'reject';
  comment: string;
  createdAt: string;
  userId: string;
  userName: string;
}

export interface ReleaseArtifact {
  kind: ArtifactKind;
  filename: string;
  size: number;
  sha256: string;
}

/** A row of `GET /api/releases`. */
export interface ReleaseRow {
  id: string;
  version: string;
  title: string;
  description: string | null;
  standardId: string;
  status: ReleaseStatus;
  composedBy: string | null;
  approvedRunId: string | null;
  signoffRound: number;
  citation: string | null;
  publishedAt: string | null;
  retractedAt: string | null;
  retractionReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/releases/:id`. */
export interface ReleaseDetail extends ReleaseRow {
  submissions: ReleaseSubmission[];
  records: number;
  runs: { id: string; status: RunStatus; createdAt: string; completedAt: string | null; outputRows: number | null }[];
  signoffs: ReleaseSignoff[];
  artifacts: ReleaseArtifact[];
}

export const ARTIFACT_ORDER: readonly ArtifactKind[] = ['microdata_csv', 'codebook_csv', 'codebook_pdf', 'report_pdf', 'manifest'];

export const staffArtifactUrl = (releaseId: string, kind: string) => `/api/releases/${encodeURIComponent(releaseId)}/artifacts/${kind}`;
export const publicArtifactUrl = (version: string, kind: string) => `/api/public/releases/${encodeURIComponent(version)}/artifacts/${kind}`;
