import { Readable } from 'node:stream';
import { type SourceFile, type SourceFileOptions, type SourceRow, openSourceFile } from '../../../server/domain/source-files';

/** A file handed over in small chunks, as a decrypting stream would. */
export function streamOf(content: string | Buffer, chunkSize = 4096): Readable {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
  return Readable.from(chunks);
}

export function open(content: string | Buffer, options?: SourceFileOptions): Promise<SourceFile> {
  return openSourceFile(streamOf(content), options);
}

export async function readRows(file: SourceFile): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of file.rows()) rows.push(row);
  return rows;
}

export async function readAllRows(content: string | Buffer, options?: SourceFileOptions): Promise<{ file: SourceFile; rows: SourceRow[] }> {
  const file = await open(content, options);
  return { file, rows: await readRows(file) };
}

/** Runs a read to its end and returns the error it fails with. */
export async function failure(content: string | Buffer, options?: SourceFileOptions): Promise<{ code: string; message: string; row?: number; column?: number }> {
  try {
    await readAllRows(content, options);
  } catch (error) {
    return error as { code: string; message: string; row?: number; column?: number };
  }
  throw new Error('expected the read to fail');
}
