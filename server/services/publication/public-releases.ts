import { desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { anonymizationRuns, ARTIFACT_KINDS, releaseArtifacts, releases, type ArtifactKind } from '../../../db/schema';
import { getStandard } from '../../domain/standard';
import { findArtifact, type ArtifactRow } from './artifact-store';

export interface PublicArtifact {
  kind: ArtifactKind;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  url: string;
}

export interface PublicRelease {
  version: string;
  title: string;
  description: string | null;
  standard: { id: string; label: string };
  status: 'published' | 'retracted';
  publishedAt: string | null;
  retracted: { at: string | null; reason: string | null } | null;
  records: number | null;
  citation: string | null;
  /** Empty for a retracted release: its files are no longer served. */
  artifacts: PublicArtifact[];
}

export const isArtifactKind = (kind: string): kind is ArtifactKind => (ARTIFACT_KINDS as readonly string[]).includes(kind);

export const publicArtifactUrl = (version: string, kind: string) => `/api/public/releases/${encodeURIComponent(version)}/artifacts/${kind}`;

const ORDER: readonly ArtifactKind[] = ['microdata_csv', 'codebook_csv', 'codebook_pdf', 'report_pdf', 'manifest'];

function view(r: typeof releases.$inferSelect, records: number | null, artifacts: ArtifactRow[]): PublicRelease {
  const retracted = r.status === 'retracted';
  let standardLabel = r.standardId;
  try { standardLabel = getStandard(r.standardId).versionLabel; } catch { /* an unknown standard keeps its id */ }
  return {
    version: r.version,
    title: r.title,
    description: r.description,
    standard: { id: r.standardId, label: standardLabel },
    status: retracted ? 'retracted' : 'published',
    publishedAt: r.publishedAt?.toISOString() ?? null,
    retracted: retracted ? { at: r.retractedAt?.toISOString() ?? null, reason: r.retractionReason } : null,
    records,
    citation: r.citation,
    artifacts: retracted ? [] : artifacts
      .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))
      .map((a) => ({ kind: a.kind, filename: a.filename, contentType: a.contentType, size: a.size, sha256: a.sha256, url: publicArtifactUrl(r.version, a.kind) })),
  };
}

/** Published and retracted releases, newest first; nothing of a release before it is published. */
export async function listPublicReleases(db: DbOrTx, version?: string): Promise<PublicRelease[]> {
  const rows = await db.select({ release: releases, records: anonymizationRuns.outputRows }).from(releases)
    .leftJoin(anonymizationRuns, eq(anonymizationRuns.id, releases.approvedRunId))
    .where(version === undefined ? inArray(releases.status, ['published', 'retracted']) : eq(releases.version, version))
    .orderBy(desc(releases.publishedAt));
  const visible = rows.filter((r) => r.release.status === 'published' || r.release.status === 'retracted');
  if (!visible.length) return [];
  const artifacts = await db.select().from(releaseArtifacts).where(inArray(releaseArtifacts.releaseId, visible.map((r) => r.release.id)));
  return visible.map((r) => view(r.release, r.records, artifacts.filter((a) => a.releaseId === r.release.id)));
}

export async function findPublicRelease(db: DbOrTx, version: string): Promise<PublicRelease | null> {
  return (await listPublicReleases(db, version))[0] ?? null;
}

/** The recorded artifact of a published (or retracted) release, with the release's state. */
export async function findPublicArtifact(db: DbOrTx, version: string, kind: ArtifactKind) {
  const [release] = await db.select().from(releases).where(eq(releases.version, version));
  if (!release || (release.status !== 'published' && release.status !== 'retracted')) return null;
  const artifact = await findArtifact(db, release.id, kind);
  return artifact ? { release, artifact } : null;
}
