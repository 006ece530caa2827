import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DecryptStream, EncryptStream } from './blob-crypto';

export interface StoredBlob {
  key: string;
  size: number;
  sha256: string;
}

export class SizeLimitError extends Error {
  constructor(readonly limit: number) {
    super(`File is larger than the limit of ${limit} bytes`);
  }
}

/**
 * Encrypted files under DATA_DIR/blobs. Writes go to a temporary name and are renamed when
 * complete, so a crash never leaves a half-written blob under its real key.
 */
export class BlobStore {
  private readonly master: Buffer;

  constructor(private readonly root: string, masterKeyHex: string) {
    this.master = Buffer.from(masterKeyHex, 'hex');
  }

  private file(key: string): string {
    if (!/^[\w-]+(\/[\w.-]+)*$/.test(key)) throw new Error('invalid blob key');
    return path.join(this.root, `${key}.enc`);
  }

  /** Streams `input` in, encrypted; measures size and SHA-256 of the plaintext on the way. */
  async put(prefix: string, input: Readable, options: { maxBytes?: number; inspect?: (chunk: Buffer) => void } = {}): Promise<StoredBlob> {
    const key = `${prefix}/${randomUUID()}`;
    const target = this.file(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.partial`;
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _e, done) {
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes) return done(new SizeLimitError(options.maxBytes));
        hash.update(chunk);
        options.inspect?.(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(input, meter, new EncryptStream(this.master), fs.createWriteStream(tmp, { mode: 0o600 }));
      await fs.promises.rename(tmp, target);
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
    return { key, size, sha256: hash.digest('hex') };
  }

  /** A plaintext stream of the blob; it errors if the file was altered or truncated. */
  open(key: string): Readable {
    return fs.createReadStream(this.file(key)).pipe(new DecryptStream(this.master));
  }

  /** SHA-256 of the decrypted content, read end to end (also proves the file is intact). */
  async sha256(key: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of this.open(key)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.file(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return fs.promises.access(this.file(key)).then(() => true, () => false);
  }
}
