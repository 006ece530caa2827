export interface OutputRecord {
  /** Position of the record in the dataset (the order the builder received it). */
  index: number;
  suppressed: boolean;
  /** Generalized QI labels in the policy's QI order; null when suppressed. */
  labels: readonly string[] | null;
}

/**
 * The per-record decision of a run, compact enough for a million records: the class of every
 * kept record (-1 when suppressed) and the labels of every class. Stream it with rows().
 */
export class AnonymizedOutput {
  constructor(
    readonly qis: readonly string[],
    private readonly recordClass: Int32Array,
    private readonly classLabels: readonly (readonly string[])[],
  ) {}

  get recordCount(): number {
    return this.recordClass.length;
  }

  get classCount(): number {
    return this.classLabels.length;
  }

  isSuppressed(record: number): boolean {
    return this.recordClass[record] < 0;
  }

  labelsOf(record: number): readonly string[] | null {
    const c = this.recordClass[record];
    return c < 0 ? null : this.classLabels[c];
  }

  /** Kept records' labels keyed by QI name, or null when suppressed. */
  valuesOf(record: number): Record<string, string> | null {
    const labels = this.labelsOf(record);
    if (!labels) return null;
    return Object.fromEntries(this.qis.map((qi, q) => [qi, labels[q]]));
  }

  *rows(): IterableIterator<OutputRecord> {
    for (let index = 0; index < this.recordClass.length; index++) {
      const labels = this.labelsOf(index);
      yield { index, suppressed: labels === null, labels };
    }
  }

  /** Labels of every published class with its record count, in first-appearance order. */
  classes(): { labels: readonly string[]; count: number }[] {
    const counts = new Int32Array(this.classLabels.length);
    for (const c of this.recordClass) if (c >= 0) counts[c]++;
    return this.classLabels.map((labels, c) => ({ labels, count: counts[c] }));
  }
}
