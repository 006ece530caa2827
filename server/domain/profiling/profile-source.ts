import type { Readable } from 'node:stream';
import { type SourceFileOptions, openSourceFile } from '../source-files';
import { ColumnAccumulator } from './column-accumulator';
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
  const report = async (rowsRead: number): Promise<void> => {
    const bytesRead = file.bytesRead();
    const percent = totalBytes ? Math.min(100, Math.round((bytesRead / totalBytes) * 1000) / 10) : null;
    await onProgress?.({ rowsRead, bytesRead, percent });
  };
  let rowCount = 0;
  let reportAt = progressEvery;
  for await (const batch of file.batches()) {
    for (const row of batch) {
      const cells = row.cells;
      for (let i = 0; i < columns.length; i++) columns[i].add(cells[i]);
    }
    rowCount += batch.length;
    if (onProgress && rowCount >= reportAt) {
      reportAt = rowCount + progressEvery;
      await report(rowCount);
    }
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
