import { eq } from 'drizzle-orm';
import { Readable } from 'node:stream';
import type { Db } from '../../../db/client';
import { releaseArtifacts, releases } from '../../../db/schema';
import { SYSTEM_ACTOR, type RequestMeta } from '../../auth/actor';
import { buildCitation, buildManifest, manifestPrivacy, privacyOfRun } from '../../domain/reports';
import type { BlobStore } from '../../storage/blob-store';
import { transitionRelease } from '../releases/release-workflow';
import { artifactFile, blobPrefix } from './artifact-store';
import { BUILD_ORDER } from './enqueue-publication';
import { loadPublicationInputs, PublicationError, releaseContributors } from './publication-inputs';

/**
 * The last step: writes the manifest (metadata, privacy summary, citation, checksums) and, in one
 * transaction, records it and moves the release publishing → published with its date and citation.
 */
export async function finishPublication(deps: { db: Db; blobs: BlobStore }, releaseId: string, meta: RequestMeta) {
  const [current] = await deps.db.select({ status: releases.status, version: releases.version }).from(releases).where(eq(releases.id, releaseId));
  if (current?.status === 'published') return { version: current.version, skipped: 'already published' };
  const inputs = await loadPublicationInputs(deps.db, releaseId);
  const { release, run, policy, standard } = inputs;
  const artifacts = await deps.db.select().from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, releaseId));
  const missing = BUILD_ORDER.filter((kind) => !artifacts.some((a) => a.kind === kind));
  if (missing.length) throw new PublicationError(`Artifacts missing: ${missing.join(', ')}`);

  const publishedAt = new Date();
  const publishedOn = publishedAt.toISOString().slice(0, 10);
  const contributors = await releaseContributors(deps.db, releaseId);
  const citation = buildCitation({ title: release.title, version: release.version, publishedOn }, contributors);
  const text = buildManifest({
    release: { id: release.id, version: release.version, title: release.title, description: release.description, standard: { id: standard.id, label: standard.versionLabel }, publishedOn },
    citation,
    contributors,
    records: run.outputRows,
    privacy: manifestPrivacy(privacyOfRun(standard, policy, run.measures, run.outputRows), run.outputRows),
    artifacts: artifacts.filter((a) => a.kind !== 'manifest').map((a) => ({ kind: a.kind, filename: a.filename, contentType: a.contentType, size: a.size, sha256: a.sha256 })),
  });
  const stored = await deps.blobs.put(blobPrefix(releaseId), Readable.from([Buffer.from(text, 'utf8')]));
  try {
    await transitionRelease(deps.db, SYSTEM_ACTOR, meta, releaseId, 'finish_publishing', {
      details: { artifacts: artifacts.length + 1, records: run.outputRows },
      async effect(tx) {
        await tx.insert(releaseArtifacts).values({
          releaseId, kind: 'manifest', ...artifactFile(release.version, 'manifest'), size: stored.size, sha256: stored.sha256, storageKey: stored.key,
        });
        await tx.update(releases).set({ publishedAt, citation }).where(eq(releases.id, releaseId));
      },
    });
  } catch (err) {
    await deps.blobs.delete(stored.key);
    throw err;
  }
  return { version: release.version, publishedOn, artifacts: artifacts.length + 1 };
}
