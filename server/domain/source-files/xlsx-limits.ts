import { Transform, type TransformCallback } from 'node:stream';
import { SourceFileError, formatBytes } from './source-file-error';

export interface XlsxLimits {
  /** Total bytes all zip entries may inflate to. */
  maxUncompressedBytes: number;
  /** Largest inflated / compressed ratio tolerated once minBytesForRatio have been inflated. */
  maxCompressionRatio: number;
  minBytesForRatio: number;
}

/**
 * Real workbooks inflate 4 to 20 times (XML compresses well); a zip bomb inflates about a
 * thousand times. Small files are not ratio-checked: a tiny, very repetitive sheet is harmless.
 */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxUncompressedBytes: 8 * 1024 ** 3,
  maxCompressionRatio: 100,
  minBytesForRatio: 32 * 1024 ** 2,
};

/**
 * Counts every byte inflated from the workbook's zip entries against the limits, so a zip bomb
 * is stopped while streaming, after a few megabytes, instead of filling memory or disk.
 */
export class InflateBudget {
  private inflated = 0;

  constructor(
    private readonly limits: XlsxLimits,
    /** Compressed bytes read so far (read-ahead makes this an over-estimate: the check errs safe). */
    private readonly compressedBytes: () => number,
  ) {}

  private charge(bytes: number): SourceFileError | null {
    this.inflated += bytes;
    const { maxUncompressedBytes, maxCompressionRatio, minBytesForRatio } = this.limits;
    if (this.inflated > maxUncompressedBytes) {
      return new SourceFileError(
        'zip_bomb',
        `The workbook unpacks to more than ${formatBytes(maxUncompressedBytes)}; reading was stopped. Split it or send it as CSV.`,
      );
    }
    const ratio = this.inflated / Math.max(1, this.compressedBytes());
    if (this.inflated >= minBytesForRatio && ratio > maxCompressionRatio) {
      return new SourceFileError(
        'zip_bomb',
        `The workbook is compressed ${Math.round(ratio)} times (at most ${maxCompressionRatio} is accepted): it looks like a zip bomb and was not read further.`,
      );
    }
    return null;
  }

  /** A pass-through for one entry's inflated bytes, emitting UTF-8 text. */
  meter(): Transform {
    const budget = this;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        const error = budget.charge(chunk.length);
        if (error) done(error);
        else done(null, chunk);
      },
    });
    // Decoding here, with a streaming decoder, keeps characters cut between chunks intact
    // (exceljs would decode each chunk on its own).
    meter.setEncoding('utf8');
    // Whoever reads the meter sees its error through the iteration; this listener only keeps an
    // error raised after reading stopped (a truncated zip, an abort) from crashing the process.
    meter.on('error', () => undefined);
    return meter;
  }
}
