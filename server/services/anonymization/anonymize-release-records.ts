import type { Pool, PoolClient } from 'pg';
import {
  anonymizeAsync,
  DatasetBuilder,
  type AnonymizationPolicy,
  type AnonymizationResult,
  type Cell,
  type Dataset,
} from '../../domain/anonymization';
import type { StandardDefinition } from '../../domain/standard';
import type { BlobStore, StoredBlob } from '../../storage/blob-store';
import { OutputVerification, type OutputVerificationResult } from './output-verification';
import { checkReleaseValues, type ReleaseValues } from './release-value-check';
import { runFolder } from './remove-run-leftovers';
import { RunFailure } from './run-failure';
import { copyCells, forEachCopyLine, releaseRecordsQuery, textOf } from './stream-release-records';
import { writeAnonymizedCsv } from './write-anonymized-csv';
import { jobStep, type StepText } from '../../domain/job-steps';

export interface ReleaseRecordsInput {
  pool: Pool;
  blobs: BlobStore;
  runId: string;
  standard: StandardDefinition;
  policy: AnonymizationPolicy;
  /** In the order their records are read. */
  submissions: readonly { id: string; partnerId: string }[];
  /** The submissions' record counts, for progress only. */
  expectedRecords: number;
  progress(percent: number, step: StepText): void;
}

export interface ReleaseRecordsOutcome {
  result: AnonymizationResult;
  output: StoredBlob & { rows: number };
  verification: OutputVerificationResult;
}

/** Pass 1: the QIs (with partner, country and the sensitive variable) into the engine's dataset. */
async function loadDataset(client: PoolClient, input: ReleaseRecordsInput): Promise<{ dataset: Dataset; recordIds: Float64Array }> {
  const { policy, standard, expectedRecords, submissions } = input;
  const dbColumn = (name: string) => standard.variables.find((v) => v.name === name)!.dbColumn;
  const sensitive = policy.lDiversity?.variable;
  const countryIsQi = policy.qis.includes('CountryOfExploitation');
  // The partner as the index of its submission: a digit or two per row instead of a uuid.
  const partnerOf = submissions.map((s) => s.partnerId);
  const submissionIndex = `CASE submission_id ${submissions.map((s, i) => `WHEN '${s.id}'::uuid THEN ${i}`).join(' ')} END`;
  const expressions = [
    submissionIndex,
    ...(countryIsQi ? [] : [textOf(dbColumn('CountryOfExploitation'))]),
    ...(sensitive ? [textOf(dbColumn(sensitive))] : []),
    ...policy.qis.map((qi) => textOf(dbColumn(qi))),
  ];
  const countryCell = countryIsQi ? -1 : 2;
  const sensitiveCell = sensitive ? (countryIsQi ? 2 : 3) : -1;
  const first = expressions.length - policy.qis.length + 1;
  const builder = new DatasetBuilder({ columns: policy.qis, sensitive });
  const values: Cell[] = new Array(policy.qis.length);
  let recordIds = new Float64Array(Math.max(expectedRecords, 1024));
  let n = 0;
  await forEachCopyLine(client, releaseRecordsQuery(submissions.map((s) => s.id), expressions), (line) => {
    const cells = copyCells(line);
    if (n === recordIds.length) {
      const grown = new Float64Array(n * 2);
      grown.set(recordIds);
      recordIds = grown;
    }
    recordIds[n] = Number(cells[0]);
    for (let q = 0; q < values.length; q++) values[q] = cells[first + q];
    builder.add(values, partnerOf[Number(cells[1])], sensitive ? cells[sensitiveCell] : undefined, countryIsQi ? undefined : cells[countryCell]);
    if (++n % 50_000 === 0) input.progress(2 + 23 * Math.min(1, n / Math.max(expectedRecords, 1)), jobStep('records_loaded_of', { loaded: n, total: expectedRecords }));
  });
  input.progress(25, jobStep('records_loaded', { loaded: n }));
  return { dataset: builder.build(), recordIds: recordIds.slice(0, n) };
}

/** Category labels the verifier's name check must not mistake for a person's name. */
function knownLabels(policy: AnonymizationPolicy, standard: StandardDefinition): Set<string> {
  const labels = new Set<string>();
  for (const hierarchy of Object.values(policy.hierarchies)) for (const row of hierarchy.rows) for (const label of row) labels.add(label);
  for (const v of standard.variables) if (v.kind === 'code') for (const value of v.values) labels.add(value.code);
  return labels;
}

/**
 * Reads the release's records twice in one repeatable-read snapshot (so both passes see the same
 * records), anonymizes them, and streams the output into the blob store through the verifier.
 * Meanwhile PostgreSQL checks the distinct text values and the flags on a second connection; text
 * is written unquoted on the bet that no value needs quoting (true of the standard's codes), and
 * written again quoted in the rare release where one does.
 */
export async function anonymizeReleaseRecords(input: ReleaseRecordsInput): Promise<ReleaseRecordsOutcome> {
  const { policy, standard } = input;
  const submissionIds = input.submissions.map((s) => s.id);
  const sensitive = policy.lDiversity?.variable;
  const client = await input.pool.connect();
  let output: (StoredBlob & { rows: number }) | undefined;
  let values: Promise<ReleaseValues> | undefined;
  let verification: OutputVerification | undefined;
  const discard = async () => {
    if (output) await input.blobs.delete(output.key).catch(() => undefined);
    await verification?.abort().catch(() => undefined);
    output = verification = undefined;
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Parallel workers would only pass rows through message queues to the one reader, on cores this process needs.
    await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const [{ snapshot }] = (await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot')).rows;
    input.progress(1, jobStep('loading_records'));
    const { dataset, recordIds } = await loadDataset(client, input);
    if (dataset.size === 0) throw new RunFailure('The release\'s submissions hold no records');
    const textColumns = standard.variables.filter((v) => v.kind !== 'binary' && !policy.qis.includes(v.name));
    const flagColumns = standard.variables.filter((v) => v.kind === 'binary').map((v) => v.dbColumn);
    values = checkReleaseValues(input.pool, snapshot, submissionIds, textColumns, flagColumns);
    values.catch(() => undefined);

    const result = await anonymizeAsync(dataset, policy, {
      onProgress: (p) => {
        if (p.step === 'search') input.progress(25 + 0.45 * p.percent, jobStep('lattice_nodes', { checked: p.nodesChecked, total: p.nodesTotal }));
      },
    });
    if (!result.found) {
      const l = policy.lDiversity ? ` and l = ${policy.lDiversity.l} on ${policy.lDiversity.variable}` : '';
      throw new RunFailure(
        `No generalization allowed by the policy reaches k = ${policy.k}${l} with at most ${(policy.suppressionLimit * 100).toFixed(1)} % of the records suppressed; allow coarser levels or more suppression`,
      );
    }

    const write = async (quoteText: boolean) => {
      verification = new OutputVerification({
        qis: policy.qis, k: policy.k, lDiversity: policy.lDiversity, expectedRows: result.measures.records.kept, allowedValues: knownLabels(policy, standard),
      });
      output = await writeAnonymizedCsv({
        client, blobs: input.blobs, prefix: runFolder(input.runId), standard, submissionIds,
        recordIds, output: result.output, sensitive, quoteText, verification,
        onProgress: (i) => input.progress(70 + 22 * (i / recordIds.length), jobStep('writing_output', { written: i, total: recordIds.length })),
      });
      return { output, verification };
    };
    let written = await write(false);
    const checked = await values;
    if (!checked.flagsValid) throw new RunFailure('A flag column of the release\'s records holds a value other than 0 or 1');
    if (checked.needsQuoting) {
      await discard();
      written = await write(true);
    }
    await client.query('COMMIT');
    return { result, output: written.output, verification: await written.verification.finish(checked.textValues) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await discard();
    throw error;
  } finally {
    // The value check holds a connection of its own: let it end before this one goes back.
    await values?.catch(() => undefined);
    client.release();
  }
}
