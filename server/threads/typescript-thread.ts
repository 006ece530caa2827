import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript file of this project: tsx compiles it there, whatever runs
 * the calling thread (tsx, or jest's own transformer). `workerData` reaches the file as usual.
 */
export function typescriptThread(file: string, workerData: unknown, options: Omit<WorkerOptions, 'eval' | 'workerData'> = {}): Worker {
  return new Worker(`const { workerData } = require('node:worker_threads'); require(workerData.tsx); require(workerData.file);`, {
    ...options,
    eval: true,
    workerData: { tsx: require.resolve('tsx/cjs'), file, ...(workerData as object) },
  });
}
