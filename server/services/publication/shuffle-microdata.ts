import fs from 'node:fs';
import path from 'node:path';
import { csvLine, parseCsvRecord, readCsvLineBatches } from '../../domain/reports';
import { createRng } from '../../domain/synthetic/prng';
import { PublicationError } from './publication-inputs';

export interface ShuffleInput {
  /** The approved run's output: CSV with a header naming the standard's columns. */
  input: AsyncIterable<Buffer | string>;
  columns: readonly string[];
  /** The release id: the same seed and input give the same file. */
  seed: string;
  expectedRows: number;
  /** An empty directory of the caller's, removed by the caller. */
  dir: string;
  isPublishable(column: number, value: string): boolean;
  /** Every row, cells exactly as its line is written (the shuffle then only moves lines): for the verifier. */
  onRow(cells: readonly string[]): void;
  onProgress?(rows: number, phase: 'bucketing' | 'shuffling'): Promise<void>;
}

const ROWS_PER_BUCKET = 25_000;
const FLUSH_LINES = 2_000;
const PROGRESS_EVERY = 50_000;

function seedHash(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** murmur3's finalizer: consecutive row numbers land in unrelated buckets. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function columnOrder(header: readonly string[], columns: readonly string[]): number[] {
  const unknown = header.filter((h) => !columns.includes(h));
  if (unknown.length) throw new PublicationError(`The run output has ${unknown.length} column(s) that are not in the standard; publication refused`);
  if (new Set(header).size !== header.length) throw new PublicationError('The run output repeats a column; publication refused');
  return columns.map((c) => {
    const i = header.indexOf(c);
    if (i < 0) throw new PublicationError(`The run output lacks the column ${c}`);
    return i;
  });
}

/** Pass 1: each checked row, in the standard's column order, appended to the bucket its number hashes to. */
async function bucketRows(o: ShuffleInput, fds: number[]): Promise<number> {
  const pending: string[][] = fds.map(() => []);
  const flush = (b: number) => { fs.writeSync(fds[b], `${pending[b].join('\n')}\n`); pending[b] = []; };
  const salt = seedHash(o.seed);
  let order: number[] | null = null;
  let inOrder = false;
  let rows = 0;
  for await (const batch of readCsvLineBatches(o.input)) {
    for (const line of batch) {
      const record = parseCsvRecord(line);
      if (!order) {
        order = columnOrder(record, o.columns);
        inOrder = order.every((i, c) => i === c);
        continue;
      }
      if (line === '' && o.columns.length > 1) continue;
      if (record.length !== o.columns.length) throw new PublicationError(`Run output row ${rows + 1} has ${record.length} cells, expected ${o.columns.length}`);
      const cells = inOrder ? record : order.map((i) => record[i]);
      for (let c = 0; c < cells.length; c++) {
        // Never the value itself in the message: it could be anything.
        if (!o.isPublishable(c, cells[c])) throw new PublicationError(`Run output row ${rows + 1}, column ${o.columns[c]}: a value outside the standard's codes and the policy's hierarchy labels; publication refused`);
      }
      o.onRow(cells);
      const b = mix((rows ^ salt) >>> 0) % fds.length;
      // An unquoted line in the standard's order is already its own canonical CSV.
      pending[b].push(inOrder && line.indexOf('"') < 0 ? line : csvLine(cells));
      if (pending[b].length >= FLUSH_LINES) flush(b);
      if (++rows % PROGRESS_EVERY === 0) await o.onProgress?.(rows, 'bucketing');
    }
  }
  if (!order) throw new PublicationError('The run output is empty (no header)');
  pending.forEach((lines, b) => { if (lines.length) flush(b); });
  return rows;
}

/**
 * Writes the published microdata: the run's rows in the standard's column order, shuffled by a
 * PRNG seeded with the release id, without holding the file in memory. Each row is hashed (with
 * the seed) into one of B temporary bucket files; each bucket, a few MB, is then shuffled in
 * memory and appended. Random bucket plus uniform shuffle within it is a uniform permutation.
 */
export async function shuffleMicrodata(o: ShuffleInput): Promise<{ path: string; rows: number }> {
  const buckets = Math.min(512, Math.max(1, Math.ceil(o.expectedRows / ROWS_PER_BUCKET)));
  const files = Array.from({ length: buckets }, (_, b) => path.join(o.dir, `bucket-${b}`));
  const fds = files.map((f) => fs.openSync(f, 'w'));
  let rows: number;
  try {
    rows = await bucketRows(o, fds);
  } finally {
    fds.forEach((fd) => fs.closeSync(fd));
  }
  const out = path.join(o.dir, 'microdata.csv');
  const target = fs.openSync(out, 'w');
  let written = 0;
  try {
    fs.writeSync(target, `${csvLine(o.columns)}\n`);
    for (let b = 0; b < buckets; b++) {
      const text = await fs.promises.readFile(files[b], 'utf8');
      await fs.promises.rm(files[b]);
      if (!text) continue;
      const lines = text.slice(0, -1).split('\n');
      const rng = createRng(`${o.seed}:${b}`);
      for (let i = lines.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        const t = lines[i]; lines[i] = lines[j]; lines[j] = t;
      }
      fs.writeSync(target, `${lines.join('\n')}\n`);
      written += lines.length;
      await o.onProgress?.(written, 'shuffling');
    }
  } finally {
    fs.closeSync(target);
  }
  return { path: out, rows };
}
