import { and, eq } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Db, DbOrTx } from '../../../db/client';
import { releaseArtifacts, type ArtifactKind } from '../../../db/schema';
import type { BlobStore } from '../../storage/blob-store';

export type ArtifactRow = typeof releaseArtifacts.$inferSelect;

const FILES: Record<ArtifactKind, { suffix: string; contentType: string }> = {
  microdata_csv: { suffix: 'microdata.csv', contentType: 'text/csv; charset=utf-8' },
  codebook_csv: { suffix: 'codebook.csv', contentType: 'text/csv; charset=utf-8' },
  codebook_pdf: { suffix: 'codebook.pdf', contentType: 'application/pdf' },
  report_pdf: { suffix: 'report.pdf', contentType: 'application/pdf' },
  manifest: { suffix: 'manifest.json', contentType: 'application/json; charset=utf-8' },
};

export const artifactFile = (version: string, kind: ArtifactKind) => ({
  filename: `ctdc-${version.replace(/[^\w.-]/g, '_')}-${FILES[kind].suffix}`,
  contentType: FILES[kind].contentType,
});

export async function findArtifact(db: DbOrTx, releaseId: string, kind: ArtifactKind): Promise<ArtifactRow | null> {
  const [row] = await db.select().from(releaseArtifacts).where(and(eq(releaseArtifacts.releaseId, releaseId), eq(releaseArtifacts.kind, kind)));
  return row ?? null;
}

export const blobPrefix = (releaseId: string) => `releases/${releaseId}`;

/**
 * Stores a finished artifact under a fresh key, then records it. Recording is the commit point:
 * if another attempt recorded this kind first, ours is deleted and theirs is kept (artifacts are
 * immutable), so a retried or doubled job never leaves two versions of a file.
 */
export async function storeArtifact(
  deps: { db: Db; blobs: BlobStore },
  release: { id: string; version: string },
  kind: ArtifactKind,
  content: Readable,
): Promise<ArtifactRow> {
  const stored = await deps.blobs.put(blobPrefix(release.id), content);
  const [row] = await deps.db.insert(releaseArtifacts)
    .values({ releaseId: release.id, kind, ...artifactFile(release.version, kind), size: stored.size, sha256: stored.sha256, storageKey: stored.key })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  await deps.blobs.delete(stored.key);
  return (await findArtifact(deps.db, release.id, kind))!;
}
