import { parentPort, workerData } from 'node:worker_threads';
import { toThreadError, type CreatePieceWorker } from './piece-worker';

/**
 * The body of each OrderedPool thread: loads the worker module, runs the pieces it is sent in the
 * order they come, and answers each with its result or its error.
 */
type Message = { type: 'piece'; seq: number; piece: unknown } | { type: 'note'; note: unknown };

const { entry, init } = workerData as { entry: string; init: unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const create = require(entry).createPieceWorker as CreatePieceWorker<unknown, unknown, unknown, unknown>;
const worker = create(init);

parentPort!.on('message', (message: Message) => {
  if (message.type === 'note') {
    worker.note?.(message.note);
    return;
  }
  try {
    const { result, transfer } = worker.run(message.piece);
    parentPort!.postMessage({ type: 'result', seq: message.seq, result }, transfer ?? []);
  } catch (error) {
    parentPort!.postMessage({ type: 'error', seq: message.seq, error: toThreadError(error) });
  }
});
