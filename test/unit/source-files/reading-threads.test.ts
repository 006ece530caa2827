import os from 'node:os';
import { SourceFileError } from '../../../server/domain/source-files';
import { THREADED_READING_BYTES, readingThreads, reviveSourceFileError } from '../../../server/domain/source-files/reading-threads';
import { toThreadError } from '../../../server/threads/piece-worker';

describe('readingThreads', () => {
  it('reads small files and files of unknown size on the job’s own thread, whatever is configured', () => {
    expect(readingThreads(undefined)).toBe(0);
    expect(readingThreads(THREADED_READING_BYTES - 1)).toBe(0);
    expect(readingThreads(THREADED_READING_BYTES - 1, 4)).toBe(0);
  });

  it('reads a large file on one thread per core, up to eight, unless configured', () => {
    expect(readingThreads(THREADED_READING_BYTES)).toBe(Math.min(8, os.availableParallelism()));
    expect(readingThreads(THREADED_READING_BYTES, 12)).toBe(12);
    expect(readingThreads(THREADED_READING_BYTES, 0)).toBe(0);
  });
});

describe('reviveSourceFileError', () => {
  it('gives back the reader’s error as thrown on a thread: code, message, row and column', () => {
    const thrown = new SourceFileError('ragged_row', 'Row 9 has 4 cells but the header (row 1) has 3.', 9, 4);
    const revived = reviveSourceFileError(structuredClone(toThreadError(thrown)));
    expect(revived).toBeInstanceOf(SourceFileError);
    expect(revived).toMatchObject({ code: 'ragged_row', message: thrown.message, row: 9, column: 4 });
  });

  it('keeps any other error an Error with its name and message', () => {
    const revived = reviveSourceFileError(toThreadError(new TypeError('x is not a function')));
    expect(revived).not.toBeInstanceOf(SourceFileError);
    expect(revived).toMatchObject({ name: 'TypeError', message: 'x is not a function' });
  });
});
