import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { PieceWorker, ThreadError } from './piece-worker';
import { typescriptThread } from './typescript-thread';

export interface OrderedPoolOptions<Init> {
  /** Absolute path of the module exporting `createPieceWorker`. */
  entry: string;
  init: Init;
  /** Threads to run pieces on; 0 runs them on the calling thread, one after the other. */
  threads: number;
  /** Pieces handed to each thread ahead of the one being read back (each holds a piece and its result in memory). */
  ahead?: number;
  /** Rebuilds an error thrown in a thread (by default an Error with its name and message). */
  reviveError?: (error: ThreadError) => Error;
}

interface Waiting<Result> {
  resolve(result: Result): void;
  reject(error: Error): void;
  thread: number;
}

/**
 * A thread holds a few pieces at a time; a small young generation keeps its garbage from piling up
 * between collections (two threads at V8's defaults added 200 MB to a million-row profiling run).
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 };

const defaultRevive = (e: ThreadError): Error => Object.assign(new Error(e.message), { name: e.name });

/**
 * Runs a worker module over a stream of pieces on several threads and gives the results back in
 * the pieces' order, so whatever is built from them (a profile, a COPY stream) is the same as if
 * one thread had done it all. Pieces are read only as threads have room, so memory stays bounded.
 * With no threads, the same module runs here: small inputs skip the start-up cost, and both ways
 * run the same code.
 */
export class OrderedPool<Init, Piece, Result, Note = never> {
  private readonly threads: Worker[] = [];
  private readonly load: number[] = [];
  private readonly waiting = new Map<number, Waiting<Result>>();
  private local: PieceWorker<Piece, Result, Note> | null = null;
  private failure: Error | null = null;
  private closed = false;

  constructor(private readonly options: OrderedPoolOptions<Init>) {
    if (options.threads <= 0) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      this.local = require(options.entry).createPieceWorker(options.init);
      return;
    }
    for (let t = 0; t < options.threads; t++) {
      const worker = typescriptThread(path.join(__dirname, 'piece-thread.ts'), { entry: options.entry, init: options.init }, { resourceLimits: THREAD_LIMITS });
      worker.on('message', (message: { type: 'result'; seq: number; result: Result } | { type: 'error'; seq: number; error: ThreadError }) => {
        const waiting = this.waiting.get(message.seq);
        if (!waiting) return;
        this.load[waiting.thread]--;
        if (message.type === 'result') waiting.resolve(message.result);
        else waiting.reject((options.reviveError ?? defaultRevive)(message.error));
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`a reading thread stopped (exit code ${code})`));
      });
      this.threads.push(worker);
      this.load.push(0);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
  }

  /** Runs a piece; its result is read later, in order, so a failure meanwhile must not count as unhandled. */
  private dispatch(seq: number, piece: Piece): Promise<Result> {
    const result = this.send(seq, piece);
    result.catch(() => undefined);
    return result;
  }

  private send(seq: number, piece: Piece): Promise<Result> {
    if (this.local) {
      try {
        return Promise.resolve(this.local.run(piece).result);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (this.failure) return Promise.reject(this.failure);
    let thread = 0;
    for (let t = 1; t < this.threads.length; t++) if (this.load[t] < this.load[thread]) thread = t;
    const result = new Promise<Result>((resolve, reject) => this.waiting.set(seq, { resolve, reject, thread }));
    this.load[thread]++;
    this.threads[thread].postMessage({ type: 'piece', seq, piece });
    return result;
  }

  /** The results of the pieces, in their order. Iterate once. */
  async *map(pieces: AsyncIterable<Piece>): AsyncGenerator<Result> {
    const input = pieces[Symbol.asyncIterator]();
    const inFlight = Math.max(1, this.threads.length * (this.options.ahead ?? 2));
    const results: Promise<Result>[] = [];
    let sent = 0;
    let read = 0;
    let done = false;
    try {
      for (;;) {
        while (!done && sent - read < inFlight) {
          const next = await input.next();
          if (next.done) done = true;
          else results[sent] = this.dispatch(sent++, next.value);
        }
        if (read === sent) return;
        const result = await results[read];
        delete results[read];
        this.waiting.delete(read);
        read++;
        yield result;
      }
    } finally {
      if (!done) await input.return?.(undefined);
    }
  }

  /** Tells every worker something before the pieces not yet sent (and, on a thread, before its next one). */
  broadcast(note: Note): void {
    if (this.local) this.local.note?.(note);
    for (const worker of this.threads) worker.postMessage({ type: 'note', note });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((worker) => worker.terminate()));
  }
}
