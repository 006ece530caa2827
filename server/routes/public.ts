import express, { type Response, type Router } from 'express';
import { asc, eq } from 'drizzle-orm';
import { releaseArtifacts, releases } from '../../db/schema';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors/app-error';
import { mountRoute } from '../http/route';
import { sendStream } from '../http/send-stream';
import { logger } from '../logger';
import { findArtifact } from '../services/publication/artifact-store';
import { findPublicArtifact, findPublicRelease, isArtifactKind, listPublicReleases } from '../services/publication/public-releases';
import { renderReleasesPage } from '../services/publication/releases-page';
import { checkBlob, hashedStream, IntegrityError } from '../services/publication/verified-blob';

export interface StoredFile {
  storageKey: string;
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
}

/**
 * Serves a recorded file only after its SHA-256 matched the recorded one, and hashes it again on
 * the way out (an error then aborts the download rather than completing it with other bytes).
 */
export async function sendVerifiedFile(ctx: AppContext, res: Response, file: StoredFile): Promise<void> {
  try {
    await checkBlob(ctx.blobs, file.storageKey, file.sha256);
  } catch (err) {
    if (!(err instanceof IntegrityError)) throw err;
    logger.error({ storageKey: file.storageKey, problem: err.message }, 'integrity check failed: file not served');
    throw new AppError('conflict', `${file.filename} failed its integrity check: ${err.message}. It is not served; please tell the collaborative's staff.`);
  }
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`);
  res.setHeader('ETag', `"${file.sha256}"`);
  res.setHeader('X-Checksum-SHA256', file.sha256);
  await sendStream(res, hashedStream(ctx.blobs, file.storageKey, file.sha256));
}

const artifactKind = (kind: string) => {
  if (!isArtifactKind(kind)) throw new AppError('not_found', `No artifact of kind "${kind}"`);
  return kind;
};

/** GET /releases outside /api: the server-rendered page for researchers (the app mounts it before the SPA). */
export function releasesPageRouter(ctx: AppContext): Router {
  const router = express.Router();
  router.get('/releases', async (_req, res, next) => {
    try {
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(renderReleasesPage(await listPublicReleases(ctx.db)));
    } catch (err) {
      next(err);
    }
  });
  return router;
}

/** Published releases without sign-in, and the staff view of any release's artifacts. */
export function registerPublicationRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/public/releases', permission: 'public', tag: 'public',
    summary: 'Published and retracted releases, newest first (retracted ones marked, without downloads)',
    handler: () => listPublicReleases(ctx.db),
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/public/releases.html', permission: 'public', tag: 'public', raw: true,
    summary: 'The same list as a plain HTML page with download links and citations',
    async handler({ res }) {
      res.type('html').send(renderReleasesPage(await listPublicReleases(ctx.db)));
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/public/releases/:version', permission: 'public', tag: 'public',
    summary: 'A published release: metadata, citation, artifacts with sizes and SHA-256',
    async handler({ params }) {
      const release = await findPublicRelease(ctx.db, params.version);
      if (!release) throw notFound('Release');
      return release;
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/public/releases/:version/artifacts/:kind', permission: 'public', tag: 'public', raw: true,
    summary: 'Download an artifact (checked against its SHA-256); 410 once the release is retracted',
    async handler({ res, params }) {
      const found = await findPublicArtifact(ctx.db, params.version, artifactKind(params.kind));
      if (!found) throw notFound('Artifact');
      if (found.release.status === 'retracted') {
        res.status(410).json({ code: 'gone', message: `Release ${found.release.version} was retracted: ${found.release.retractionReason ?? 'no reason given'}`, retractedAt: found.release.retractedAt, reason: found.release.retractionReason });
        return;
      }
      await sendVerifiedFile(ctx, res, found.artifact);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/releases/:id/artifacts', permission: 'releases.read', tag: 'releases',
    summary: 'The recorded artifacts of a release: kind, file, size, SHA-256',
    async handler({ params }) {
      const [release] = await ctx.db.select({ id: releases.id }).from(releases).where(eq(releases.id, params.id));
      if (!release) throw notFound('Release');
      return ctx.db.select({ kind: releaseArtifacts.kind, filename: releaseArtifacts.filename, contentType: releaseArtifacts.contentType, size: releaseArtifacts.size, sha256: releaseArtifacts.sha256, createdAt: releaseArtifacts.createdAt })
        .from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, params.id)).orderBy(asc(releaseArtifacts.createdAt));
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/releases/:id/artifacts/:kind', permission: 'releases.read', tag: 'releases', raw: true,
    summary: 'Download a recorded artifact of any release (staff), checked against its SHA-256',
    async handler({ res, params }) {
      const artifact = await findArtifact(ctx.db, params.id, artifactKind(params.kind));
      if (!artifact) throw notFound('Artifact');
      await sendVerifiedFile(ctx, res, artifact);
    },
  });
}
