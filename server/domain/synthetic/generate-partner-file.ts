import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvChunks } from './csv-chunks';
import { getPartnerProfile } from './profiles';
import type { PartnerProfileName } from './types';
import { xlsxStream } from './xlsx-stream';

export interface GeneratePartnerFileOptions {
  profile: PartnerProfileName;
  rows: number;
  seed: number | string;
  format?: 'csv' | 'xlsx';
}

/**
 * A synthetic partner file as a byte stream. Rows are drawn only as the consumer reads, so a
 * million rows never sit in memory. Same options, same bytes (CSV); XLSX cell content is the
 * same too, but the zip container stamps entries with the current time.
 */
export function generatePartnerFile(options: GeneratePartnerFileOptions): Readable {
  const profile = getPartnerProfile(options.profile);
  if (!Number.isInteger(options.rows) || options.rows < 0) throw new Error(`rows must be a non-negative integer, got ${options.rows}`);
  if (options.format === 'xlsx') return xlsxStream(profile, options.rows, options.seed);
  return Readable.from(csvChunks(profile, options.rows, options.seed), { objectMode: false });
}

export async function writePartnerFile(path: string, options: GeneratePartnerFileOptions): Promise<{ path: string; bytes: number }> {
  const output = createWriteStream(path);
  await pipeline(generatePartnerFile(options), output);
  return { path, bytes: output.bytesWritten };
}
