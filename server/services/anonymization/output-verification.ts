import { looksLikeName, ReleaseVerifier, type VerificationOptions, type VerificationReport, type Violation } from '../../domain/verifier';
import { VerifierThread } from './verifier-thread';

export interface OutputVerificationResult {
  ok: boolean;
  report: VerificationReport;
  /** Identifier findings in the other text columns (column and kind only, never the value). */
  textViolations: Violation[];
  problems: string[];
}

/**
 * Runs the independent verifier over the output as it is written. Every written row goes through it
 * (on its own thread) with its QI and sensitive cells: k-anonymity, l-diversity, the row count,
 * identifiers in those cells. The other text columns hold few distinct values, so the verifier sees
 * each distinct value (of the release's records: every value the output can hold) once, or, when it
 * looks like a name, as many times as it occurs up to k (what its "rare value that looks like a
 * name" rule counts), instead of once per row. Flag columns are checked apart (only 0, 1 or nothing).
 */
export class OutputVerification {
  private readonly rows: VerifierThread;

  constructor(private readonly options: VerificationOptions) {
    this.rows = new VerifierThread(options);
  }

  checkHeader(columns: readonly string[]): void {
    this.rows.checkHeader(columns);
  }

  /** A written row: its class's QI labels as written (one array per class) and its sensitive value. */
  addRow(labels: readonly string[], sensitiveValue?: string): void {
    this.rows.addRow(labels, sensitiveValue);
  }

  abort(): Promise<void> {
    return this.rows.abort();
  }

  /** `textValues`: per other text column, each distinct value with the number of records holding it. */
  async finish(textValues: ReadonlyMap<string, Iterable<[string, number]>>): Promise<OutputVerificationResult> {
    const report = await this.rows.finish();
    const values = new ReleaseVerifier({ qis: [], k: this.options.k, allowedValues: this.options.allowedValues, maxListedPerKind: this.options.maxListedPerKind });
    for (const [column, counts] of textValues) {
      for (const [value, count] of counts) {
        if (value === '') continue;
        // Only the name rule depends on how often a value occurs; any other finding needs it once.
        const times = looksLikeName(value) ? Math.min(count, this.options.k) : 1;
        for (let i = 0; i < times; i++) values.addRow({ [column]: value });
      }
    }
    const textViolations = values.finish().violations.filter((v) => v.kind === 'identifier');
    const problems = [
      ...report.violations.map((v) => v.message),
      ...textViolations.map((v) => `column ${v.column}: a value looks like an identifier (${v.identifierKind})`),
    ];
    return { ok: report.ok && textViolations.length === 0, report, textViolations, problems };
  }
}
