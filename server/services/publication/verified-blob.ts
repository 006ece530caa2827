import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import type { BlobStore } from '../../storage/blob-store';

/** A stored file that is not the one recorded: it must not be served. */
export class IntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntegrityError';
  }
}

/**
 * Reads the whole file once to compare its SHA-256 with the recorded one before a byte is served
 * (reliability: "verified against their recorded SHA-256 when served"). A missing, undecryptable
 * or different file throws an IntegrityError.
 */
export async function checkBlob(blobs: BlobStore, key: string, expectedSha256: string): Promise<void> {
  // Checked first: a missing file would otherwise leave the decrypting stream waiting forever.
  if (!(await blobs.exists(key))) throw new IntegrityError('the stored file is missing');
  let actual: string;
  try {
    actual = await blobs.sha256(key);
  } catch {
    throw new IntegrityError('the stored file was altered or truncated (it no longer decrypts)');
  }
  if (actual !== expectedSha256) throw new IntegrityError('the stored file does not match its recorded SHA-256');
}

/** The file's content, hashed again on the way out: it errors at the end if the bytes changed since the check. */
export function hashedStream(blobs: BlobStore, key: string, expectedSha256: string): Readable {
  const hash = createHash('sha256');
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      done(hash.digest('hex') === expectedSha256 ? null : new IntegrityError('the stored file changed while it was being read'));
    },
  });
  const source = blobs.open(key);
  source.on('error', (err) => check.destroy(err));
  return source.pipe(check);
}

/** Checked, then streamed: what downloads and workers reading published files use. */
export async function openVerifiedBlob(blobs: BlobStore, key: string, expectedSha256: string): Promise<Readable> {
  await checkBlob(blobs, key, expectedSha256);
  return hashedStream(blobs, key, expectedSha256);
}

/** One pass only (workers counting a published file): the check happens as the bytes go by and fails the read at the end. */
export async function readVerifiedBlob(blobs: BlobStore, key: string, expectedSha256: string): Promise<Readable> {
  if (!(await blobs.exists(key))) throw new IntegrityError('the stored file is missing');
  return hashedStream(blobs, key, expectedSha256);
}
