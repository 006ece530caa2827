import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DecryptStream, EncryptStream } from './blob-crypto';
import { folderEntries } from './folder-entries';

export interface StoredBlob {
  key: string;
  size: number;
  sha256: string;
}

/** A file of the store: a blob under its key, or an unfinished write (`partial`) of one. */
export interface BlobEntry {
  key: string;
  partial: boolean;
  /** When it was last written to (ms since the epoch). */
  modifiedAt: number;
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
    return `${this.folder(key)}.enc`;
  }

  private folder(prefix: string): string {
    if (!/^[\w-]+(\/[\w.-]+)*$/.test(prefix)) throw new Error('invalid blob key');
    return path.join(this.root, prefix);
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

  /**
   * Removes the blobs directly under `prefix` other than those in `keep`: complete files and
   * unfinished writes (`.partial`, a killed writer's) alike. Sub-folders and files the store did not
   * write are left alone; a file that vanished meanwhile is no error. Returns the names removed.
   */
  async prune(prefix: string, keep: readonly string[]): Promise<string[]> {
    const dir = this.folder(prefix);
    const kept = new Set(keep.map((key) => this.file(key)));
    const entries = await folderEntries(dir);
    const removed: string[] = [];
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (!entry.isFile() || !/\.enc(\.partial)?$/.test(entry.name) || kept.has(file)) continue;
      await fs.promises.rm(file, { force: true });
      removed.push(entry.name);
    }
    return removed;
  }

  /**
   * Every blob under `prefix` (the whole store without one), at any depth: its key, whether it is an
   * unfinished write (`.partial`), and when it was last written to. Files the store did not write
   * are not listed.
   */
  async list(prefix?: string): Promise<BlobEntry[]> {
    const top = prefix === undefined ? this.root : this.folder(prefix);
    const entries = await folderEntries(top, true);
    const found: BlobEntry[] = [];
    for (const entry of entries) {
      const m = /^(.+)\.enc(\.partial)?$/.exec(entry.name);
      if (!entry.isFile() || !m) continue;
      const file = path.join(entry.parentPath, entry.name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat) continue; // removed meanwhile
      const key = path.relative(this.root, path.join(entry.parentPath, m[1])).split(path.sep).join('/');
      found.push({ key, partial: m[2] !== undefined, modifiedAt: stat.mtimeMs });
    }
    return found;
  }

  /** Removes a blob `list` found, complete or unfinished. */
  async remove(entry: BlobEntry): Promise<void> {
    await fs.promises.rm(entry.partial ? `${this.file(entry.key)}.partial` : this.file(entry.key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return fs.promises.access(this.file(key)).then(() => true, () => false);
  }
}
