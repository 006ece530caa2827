import { type FilePiece, type PieceLayout, splitPiece } from '../source-files/split-piece';
import type { PieceWorker } from '../../threads/piece-worker';
import { type ColumnPart, ColumnReader, type KeptValues, keptValues } from './column-accumulator';

export interface ProfilePiecesInit {
  layout: PieceLayout | null;
  columns: number;
}

export interface ProfiledPiece {
  rows: number;
  columns: ColumnPart[];
}

/** A column whose first `cap` distinct values are settled: later pieces count only those. */
export interface SettledColumn {
  column: number;
  kept: string[];
}

/** Splits a piece of the file and reads its cells column by column (run by OrderedPool, here or on a thread). */
export function createPieceWorker(init: ProfilePiecesInit): PieceWorker<FilePiece, ProfiledPiece, SettledColumn> {
  const kept: (KeptValues | null)[] = new Array(init.columns).fill(null);
  return {
    note(settled) {
      kept[settled.column] = keptValues(settled.kept);
    },
    run(piece) {
      const readers = kept.map((k) => new ColumnReader(k));
      let count = 0;
      splitPiece(piece, init.layout, (rows) => {
        for (const row of rows) {
          const cells = row.cells;
          for (let i = 0; i < readers.length; i++) readers[i].add(cells[i]);
        }
        count += rows.length;
      });
      const columns = readers.map((reader) => reader.part());
      const transfer: ArrayBuffer[] = [];
      for (const part of columns) {
        if (part.counts) transfer.push(part.counts.buffer as ArrayBuffer);
        if (part.keptCounts) transfer.push(part.keptCounts.buffer as ArrayBuffer);
      }
      return { result: { rows: count, columns }, transfer };
    },
  };
}
