import type { Readable } from 'node:stream';
import { SourceFileError, formatBytes } from './source-file-error';

/**
 * The raw bytes of an upload, pulled with backpressure: a sample can be peeked for detection and
 * then replayed, every byte is counted (progress, compression ratio) and the size limit is
 * enforced while reading, so an oversized file is refused without being read whole.
 */
export class ByteSource {
  private readonly iterator: AsyncIterator<Buffer | string>;
  private readonly peeked: Buffer[] = [];
  private peekedBytes = 0;
  private ended = false;
  private count = 0;

  constructor(
    private readonly input: Readable,
    private readonly sizeLimit = Number.POSITIVE_INFINITY,
  ) {
    this.iterator = input[Symbol.asyncIterator]();
  }

  get bytesRead(): number {
    return this.count;
  }

  private async pull(): Promise<Buffer | null> {
    if (this.ended) return null;
    const { value, done } = await this.iterator.next();
    if (done) {
      this.ended = true;
      return null;
    }
    const chunk = typeof value === 'string' ? Buffer.from(value) : value;
    this.count += chunk.length;
    if (this.count > this.sizeLimit) {
      this.destroy();
      throw new SourceFileError(
        'file_too_large',
        `The file is larger than the ${formatBytes(this.sizeLimit)} limit (reading stopped after ${formatBytes(this.count)}).`,
      );
    }
    return chunk;
  }

  /** The first `bytes` bytes (fewer if the file is shorter); they are replayed by chunks(). */
  async peek(bytes: number): Promise<Buffer> {
    while (this.peekedBytes < bytes) {
      const chunk = await this.pull();
      if (!chunk) break;
      this.peeked.push(chunk);
      this.peekedBytes += chunk.length;
    }
    return Buffer.concat(this.peeked).subarray(0, bytes);
  }

  async *chunks(): AsyncGenerator<Buffer> {
    while (this.peeked.length > 0) yield this.peeked.shift() as Buffer;
    for (let chunk = await this.pull(); chunk; chunk = await this.pull()) yield chunk;
  }

  destroy(): void {
    this.ended = true;
    if (!this.input.destroyed) this.input.destroy();
  }
}
