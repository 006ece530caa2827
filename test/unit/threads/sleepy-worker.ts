import type { PieceWorker } from '../../../server/threads/piece-worker';

/** A piece worker for the pool's tests: waits `ms`, then answers with the piece's id and the thread's notes. */
export interface SleepyPiece {
  id: number;
  ms: number;
  fail?: boolean;
  exit?: boolean;
}

export function createPieceWorker(init: { prefix: string }): PieceWorker<SleepyPiece, string, string> {
  const notes: string[] = [];
  return {
    note(note) {
      notes.push(note);
    },
    run(piece) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, piece.ms);
      if (piece.exit) process.exit(3);
      if (piece.fail) throw Object.assign(new Error(`piece ${piece.id} is broken`), { code: 'broken', row: piece.id });
      return { result: `${init.prefix}${piece.id}${notes.length ? `+${notes.join(',')}` : ''}` };
    },
  };
}
