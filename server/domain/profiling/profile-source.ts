import type { Readable } from 'node:stream';
import { type SourceFileOptions, openSourceFile } from '../source-files';
import { readingThreads, reviveSourceFileError } from '../source-files/reading-threads';
import { OrderedPool } from '../../threads/ordered-pool';
import { ColumnAccumulator } from './column-accumulator';
import type { FilePiece } from '../source-files/split-piece';
import type { ProfilePiecesInit, ProfiledPiece, SettledColumn } from './profile-pieces';
import { columnShares, detectIdentifier } from './detect-identifier';
import { headerHints } from './header-hints';
import { inferType } from './infer-type';
import { columnWarnings } from './profile-warnings';
import type { ColumnProfile, FileProfile } from './types';

export interface ProfilingProgress {
  rowsRead: number;
  bytesRead: number;
  /** Null when the total size is unknown. */
  percent: number | null;
}

export interface ProfileSourceOptions extends SourceFileOptions {
  distinctCap?: number;
  onProgress?: (progress: ProfilingProgress) => void | Promise<void>;
  /** Rows between progress reports. */
  progressEvery?: number;
  /** Threads splitting and reading the file (by default as many as the machine has cores, for large files). */
  threads?: number;
  /** Characters of text per piece handed to a thread. */
  pieceChars?: number;
}

function finishColumn(name: string, index: number, acc: ColumnAccumulator, warnings: string[]): ColumnProfile {
  const hints = headerHints(name);
  const shares = columnShares(acc);
  const identifier = detectIdentifier(hints, shares, acc.capped, acc.distinctCount);
  const column: ColumnProfile = {
    index,
    name,
    inferredType: inferType(acc),
    nonEmpty: acc.nonEmpty,
    empty: acc.empty,
    distinctCount: acc.distinctCount,
    distinctCapped: acc.capped,
    // The values of an identifier column leave this function only as counts and lengths.
    values: identifier ? null : acc.topValues(),
    identifier,
    stats: {
      minLength: acc.nonEmpty > 0 ? acc.minLength : 0,
      maxLength: acc.maxLength,
      meanLength: acc.nonEmpty > 0 ? Math.round((acc.lengthSum / acc.nonEmpty) * 10) / 10 : 0,
    },
  };
  warnings.push(...columnWarnings(column, acc, hints, shares));
  return column;
}

/**
 * Profiles a partner upload in one streaming pass: row count, per-column type, empty rate,
 * distinct values with counts (capped), identifier detection and warnings. Throws the reader's
 * SourceFileError for files that cannot be read.
 */
export async function profileSource(input: Readable, options: ProfileSourceOptions = {}): Promise<FileProfile> {
  const { distinctCap = 1000, totalBytes, onProgress, progressEvery = 10_000 } = options;
  const file = await openSourceFile(input, options);
  const columns = file.header.map(() => new ColumnAccumulator(distinctCap));
  const settled = new Set<number>();
  const report = async (rowsRead: number): Promise<void> => {
    const bytesRead = file.bytesRead();
    const percent = totalBytes ? Math.min(100, Math.round((bytesRead / totalBytes) * 1000) / 10) : null;
    await onProgress?.({ rowsRead, bytesRead, percent });
  };
  const pool = new OrderedPool<ProfilePiecesInit, FilePiece, ProfiledPiece, SettledColumn>({
    entry: require.resolve('./profile-pieces'),
    init: { layout: file.layout, columns: columns.length },
    threads: options.threads ?? readingThreads(totalBytes),
    reviveError: reviveSourceFileError,
  });
  let rowCount = 0;
  let reportAt = progressEvery;
  try {
    for await (const piece of pool.map(file.pieces(options.pieceChars))) {
      piece.columns.forEach((part, i) => {
        const column = columns[i];
        column.absorb(part);
        if (column.full && !settled.has(i)) {
          settled.add(i);
          pool.broadcast({ column: i, kept: column.keptValues() });
        }
      });
      rowCount += piece.rows;
      if (onProgress && rowCount >= reportAt) {
        reportAt = rowCount + progressEvery;
        await report(rowCount);
      }
    }
  } finally {
    await pool.close();
    await file.close();
  }
  if (onProgress) await report(rowCount);
  const warnings = [...file.warnings];
  return {
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    headerRow: file.headerRow,
    rowCount,
    columns: file.header.map((name, index) => finishColumn(name, index, columns[index], warnings)),
    distinctCap,
    warnings,
  };
}
