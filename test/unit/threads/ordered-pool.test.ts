import { OrderedPool } from '../../../server/threads/ordered-pool';
import type { SleepyPiece } from './sleepy-worker';

const entry = require.resolve('./sleepy-worker');

async function* piecesOf(pieces: SleepyPiece[]): AsyncGenerator<SleepyPiece> {
  yield* pieces;
}

async function collect(pool: OrderedPool<{ prefix: string }, SleepyPiece, string, string>, pieces: SleepyPiece[]): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const result of pool.map(piecesOf(pieces))) out.push(result);
  } finally {
    await pool.close();
  }
  return out;
}

describe('OrderedPool', () => {
  it.each([0, 3])('gives results in the pieces’ order, whichever thread finishes first (%i threads)', async (threads) => {
    const pieces = [40, 5, 30, 1, 20, 1, 1, 10].map((ms, id) => ({ id, ms }));
    const pool = new OrderedPool<{ prefix: string }, SleepyPiece, string, string>({ entry, init: { prefix: 'p' }, threads });
    expect(await collect(pool, pieces)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
  });

  it('passes a note to every thread before the pieces sent after it', async () => {
    const pool = new OrderedPool<{ prefix: string }, SleepyPiece, string, string>({ entry, init: { prefix: '' }, threads: 2, ahead: 1 });
    const seen: string[] = [];
    try {
      for await (const result of pool.map(piecesOf([0, 1, 2, 3, 4, 5].map((id) => ({ id, ms: 5 }))))) {
        seen.push(result);
        if (result === '0') pool.broadcast('settled');
      }
    } finally {
      await pool.close();
    }
    // Pieces already on their way when the note was sent are read without it, every later one with it.
    const firstWithNote = seen.findIndex((r) => r.endsWith('+settled'));
    expect(firstWithNote).toBeGreaterThan(0);
    expect(seen.slice(firstWithNote).every((r) => r.endsWith('+settled'))).toBe(true);
    expect(seen.map((r) => r.split('+')[0])).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('hands over the results before a failed piece, then its error as the thread threw it, and nothing goes unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const pool = new OrderedPool<{ prefix: string }, SleepyPiece, string, string>({
        entry, init: { prefix: 'p' }, threads: 2,
        reviveError: (e) => Object.assign(new Error(e.message), { name: e.name, ...e.fields }),
      });
      const seen: string[] = [];
      const pieces = [{ id: 0, ms: 30 }, { id: 1, ms: 1, fail: true }, { id: 2, ms: 1, fail: true }, { id: 3, ms: 1 }];
      const error = await (async () => {
        try {
          for await (const result of pool.map(piecesOf(pieces))) seen.push(result);
        } catch (err) {
          return err;
        } finally {
          await pool.close();
        }
        return null;
      })();
      expect(seen).toEqual(['p0']);
      expect(error).toMatchObject({ message: 'piece 1 is broken', code: 'broken', row: 1 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('fails the run when a thread dies', async () => {
    const pool = new OrderedPool<{ prefix: string }, SleepyPiece, string, string>({ entry, init: { prefix: 'p' }, threads: 2 });
    await expect(collect(pool, [{ id: 0, ms: 1 }, { id: 1, ms: 1, exit: true }, { id: 2, ms: 1 }])).rejects.toThrow('a reading thread stopped (exit code 3)');
  });
});
