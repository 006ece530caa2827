import os from 'node:os';
import type { ThreadError } from '../../threads/piece-worker';
import { SourceFileError, isSourceFileErrorCode } from './source-file-error';

/** Below this size a file is read on the calling thread: starting threads would cost more than they save. */
export const THREADED_READING_BYTES = 32 * 1024 * 1024;

/** Each thread holds its own heap (about 50 MB at work): past this many, a big machine is not sped up further by default. */
const DEFAULT_MAX_THREADS = 8;

/**
 * How many threads split and read a file of this size: one per core for large files (the calling
 * thread then only decodes and cuts the text), up to eight, and none for small or unknown ones.
 * `configured` (the READING_THREADS setting) is used for large files instead; 0 reads every file on
 * the calling thread.
 */
export function readingThreads(totalBytes: number | undefined, configured?: number): number {
  if (totalBytes === undefined || totalBytes < THREADED_READING_BYTES) return 0;
  return configured ?? Math.min(DEFAULT_MAX_THREADS, Math.max(1, os.availableParallelism()));
}

/** A SourceFileError thrown on a reading thread, as the reader's error again. */
export function reviveSourceFileError(error: ThreadError): Error {
  const { code, row, column } = error.fields;
  if (error.name === 'SourceFileError' && isSourceFileErrorCode(code)) {
    return new SourceFileError(code, error.message, typeof row === 'number' ? row : undefined, typeof column === 'number' ? column : undefined);
  }
  return Object.assign(new Error(error.message), { name: error.name });
}
