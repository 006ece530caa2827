import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { releaseArtifacts, releases } from '../../../db/schema';
import type { BlobStore } from '../../storage/blob-store';
import { removeScratchDirs } from '../../storage/scratch-dirs';
import { blobPrefix } from './artifact-store';

/** Owner of the scratch folders of one release's microdata build (storage/scratch-dirs). */
export const releaseScratchOwner = (releaseId: string) => `publish-${releaseId}`;

/**
 * Once the release is published nothing more is recorded for it, so what killed attempts of its
 * flow left is removed: files in its blob folder that no artifact records (an unfinished upload,
 * a file stored just before its worker died) and the scratch folders of its microdata build.
 * Recorded artifacts are immutable and kept; before publication nothing is removed here.
 */
export async function removePublicationLeftovers(deps: { db: Db; blobs: BlobStore; tmpRoot: string }, releaseId: string) {
  const [release] = await deps.db.select({ status: releases.status }).from(releases).where(eq(releases.id, releaseId));
  if (release?.status !== 'published') return { files: [], scratchDirs: [] };
  const recorded = await deps.db.select({ key: releaseArtifacts.storageKey }).from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, releaseId));
  const files = await deps.blobs.prune(blobPrefix(releaseId), recorded.map((a) => a.key));
  const scratchDirs = await removeScratchDirs(deps.tmpRoot, releaseScratchOwner(releaseId));
  return { files, scratchDirs };
}
