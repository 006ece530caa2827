import { compileMapping, type MappingSpecInput, type RunPart } from '../../domain/mapping';
import { type FilePiece, type PieceLayout, splitPiece } from '../../domain/source-files/split-piece';
import { getStandard } from '../../domain/standard';
import type { PieceWorker } from '../../threads/piece-worker';
import { CopyLines } from './copy-lines';

export interface HarmonizePiecesInit {
  layout: PieceLayout | null;
  header: string[];
  spec: MappingSpecInput;
  standardId: string;
  identifierColumns: string[];
  submissionId: string;
  partnerId: string;
}

export interface HarmonizedPiece {
  records: number;
  /** The piece's standard records as COPY text lines (UTF-8). */
  lines: Uint8Array;
  report: RunPart;
}

/**
 * Maps a piece of the file to standard records, as COPY lines, with the piece's counts of what it
 * could not map (run by OrderedPool, here or on a thread; the pieces' parts are added up in order).
 */
export function createPieceWorker(init: HarmonizePiecesInit): PieceWorker<FilePiece, HarmonizedPiece, never> {
  const standard = getStandard(init.standardId);
  const compiled = compileMapping(init.spec, init.header, standard, { identifierColumns: init.identifierColumns, countingPieces: true });
  const values: (string | null)[] = new Array(compiled.columns.length).fill(null);
  return {
    run(piece) {
      const lines = new CopyLines(compiled.columns.length, init.submissionId, init.partnerId);
      const chunks: Buffer[] = [];
      let records = 0;
      splitPiece(piece, init.layout, (rows) => {
        for (const row of rows) {
          compiled.applyInto(row.cells, values);
          lines.add(values);
        }
        records += rows.length;
        // Encoded a batch at a time: the strings of a whole piece would outlive the young generation.
        chunks.push(Buffer.from(lines.take(), 'utf8'));
      });
      const data = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      // Handed over (moved, not copied) only if it owns its memory: a small buffer shares Node's pool slab.
      const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : new Uint8Array(data);
      return { result: { records, lines: own, report: compiled.takePart() }, transfer: [own.buffer as ArrayBuffer] };
    },
  };
}
