import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { typescriptThread } from '../../threads/typescript-thread';
import type { VerificationOptions, VerificationReport } from '../../domain/verifier';

export type VerifierMessage =
  | { type: 'header'; columns: string[] }
  | { type: 'class'; id: number; labels: readonly string[] }
  | { type: 'value'; id: number; value: string }
  | { type: 'rows'; count: number; classes: Int32Array; values?: Int32Array }
  | { type: 'finish' };

const BATCH = 16_384;

/**
 * Feeds written rows to the verifier running on a worker thread, so checking a million rows runs
 * beside writing them instead of after. A row travels as its class's id (each class's cells are
 * sent once) and, under l-diversity, its sensitive value's id.
 */
export class VerifierThread {
  private readonly worker: Worker;
  private readonly report: Promise<VerificationReport>;
  private readonly classIds = new Map<readonly string[], number>();
  private readonly valueIds = new Map<string, number>();
  private classes = new Int32Array(BATCH);
  private values?: Int32Array;
  private count = 0;

  constructor(options: VerificationOptions) {
    const sensitive = options.lDiversity !== undefined;
    if (sensitive) this.values = new Int32Array(BATCH);
    this.worker = typescriptThread(path.join(__dirname, 'verify-rows-worker.ts'), {
      options: { ...options, allowedValues: options.allowedValues ? [...options.allowedValues] : undefined },
    });
    this.report = new Promise((resolve, reject) => {
      this.worker.on('message', (m: { type: 'report'; report: VerificationReport }) => resolve(m.report));
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`the verifier thread stopped (exit code ${code})`)));
    });
    this.report.catch(() => undefined);
  }

  private post(message: VerifierMessage, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  checkHeader(columns: readonly string[]): void {
    this.post({ type: 'header', columns: [...columns] });
  }

  /** One written row: its class's labels (the same array for every row of a class) and its sensitive value. */
  addRow(labels: readonly string[], sensitiveValue?: string): void {
    let id = this.classIds.get(labels);
    if (id === undefined) {
      this.classIds.set(labels, (id = this.classIds.size));
      this.post({ type: 'class', id, labels: [...labels] });
    }
    this.classes[this.count] = id;
    if (this.values) {
      let value = this.valueIds.get(sensitiveValue ?? '');
      if (value === undefined) {
        this.valueIds.set(sensitiveValue ?? '', (value = this.valueIds.size));
        this.post({ type: 'value', id: value, value: sensitiveValue ?? '' });
      }
      this.values[this.count] = value;
    }
    if (++this.count === BATCH) this.flush();
  }

  private flush(): void {
    if (this.count === 0) return;
    const message = { type: 'rows' as const, count: this.count, classes: this.classes, values: this.values };
    this.post(message, [this.classes.buffer as ArrayBuffer, ...(this.values ? [this.values.buffer as ArrayBuffer] : [])]);
    this.classes = new Int32Array(BATCH);
    if (this.values) this.values = new Int32Array(BATCH);
    this.count = 0;
  }

  async finish(): Promise<VerificationReport> {
    this.flush();
    this.post({ type: 'finish' });
    try {
      return await this.report;
    } finally {
      await this.worker.terminate();
    }
  }

  async abort(): Promise<void> {
    await this.worker.terminate();
  }
}
