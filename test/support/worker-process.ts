import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Config } from '../../server/config';

const root = path.resolve(__dirname, '..', '..');

/**
 * A real worker process (workers/main.ts) on the test's queues: one process, so `kill -9` kills
 * the worker itself and nothing is left to finish its job gracefully.
 */
export function spawnWorker(cfg: Config, extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'workers/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: cfg.DATABASE_URL,
      REDIS_URL: cfg.REDIS_URL,
      QUEUE_PREFIX: cfg.QUEUE_PREFIX,
      DATA_DIR: cfg.dataDir,
      DATA_ENCRYPTION_KEY: cfg.DATA_ENCRYPTION_KEY,
      SESSION_SECRET: cfg.SESSION_SECRET,
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * The worker processes of a crash drill, started with a 3 s job lock so that the job of one killed
 * with SIGKILL is taken over within seconds. `killAll` when the drill's file ends.
 */
export function drillWorkers(cfg: () => Config) {
  const started: ChildProcess[] = [];
  return {
    start(): ChildProcess {
      const worker = spawnWorker(cfg(), { WORKER_LOCK_MS: '3000' });
      started.push(worker);
      return worker;
    },
    /** The n-th worker started, from 0. */
    nth: (n: number): ChildProcess => started[n],
    killAll: async () => { await Promise.all(started.map(killHard)); },
  };
}
