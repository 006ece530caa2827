/**
 * What a module run by an OrderedPool exports: `createPieceWorker(init)` builds, once per thread, the
 * function applied to each piece. A worker holds no state between pieces except what notes tell it.
 */
export interface PieceWorker<Piece, Result, Note> {
  run(piece: Piece): PieceOutput<Result>;
  /** A message broadcast to every worker by the pool's owner, applied before the next piece. */
  note?(note: Note): void;
}

export interface PieceOutput<Result> {
  result: Result;
  /** Buffers handed over to the receiving thread rather than copied. */
  transfer?: ArrayBuffer[];
}

export type CreatePieceWorker<Init, Piece, Result, Note> = (init: Init) => PieceWorker<Piece, Result, Note>;

/** An error as it crosses threads: its class name, message and the fields callers read (code, row, column). */
export interface ThreadError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

export function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}
