import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * A temporary file encrypted with a key that only lives in this process's memory. An XLSX sheet
 * that arrives before the workbook parts it depends on must be set aside; raw partner data may
 * not touch the disk in clear, and a crash leaves only unreadable bytes behind.
 */
export class SealedTempFile {
  private constructor(
    private readonly path: string,
    private readonly key: Buffer,
    private readonly iv: Buffer,
  ) {}

  static async write(source: Readable): Promise<SealedTempFile> {
    const file = new SealedTempFile(join(tmpdir(), `source-sheet-${randomUUID()}`), randomBytes(32), randomBytes(16));
    try {
      await pipeline(
        source,
        createCipheriv('aes-256-ctr', file.key, file.iv),
        createWriteStream(file.path, { flags: 'wx', mode: 0o600 }),
      );
    } catch (error) {
      await file.remove();
      throw error;
    }
    return file;
  }

  read(): Readable {
    const decipher = createDecipheriv('aes-256-ctr', this.key, this.iv);
    const file = createReadStream(this.path);
    file.on('error', (error) => decipher.destroy(error));
    decipher.setEncoding('utf8');
    return file.pipe(decipher);
  }

  async remove(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
