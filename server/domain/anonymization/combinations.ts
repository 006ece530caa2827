import { CompiledHierarchy } from './compiled-hierarchy';
import { Dataset, EncodedColumn } from './dataset';
import { groupColumns, KeyTable } from './key-table';

export class DatasetPolicyMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetPolicyMismatchError';
  }
}

/**
 * Rows of QI label ids at given levels with their record counts: the distinct combinations of the
 * dataset (levels all 0), or the classes of an already evaluated node, from which a more general
 * node is counted without going back to the combinations ("rollup").
 */
export interface RowSource {
  readonly levels: readonly number[];
  readonly rows: number;
  /** columns[q][row] = label id of QI q at levels[q]. */
  readonly columns: readonly Int32Array[];
  readonly counts: Int32Array;
  /** Sensitive value code per row when l-diversity applies; rows are then distinct per value too. */
  readonly sensitive?: Int32Array;
  readonly sensitiveValues: number;
}

export interface Combinations extends RowSource {
  /** combinationOf[record] = row of the record in this source. */
  readonly combinationOf: Int32Array;
  /** leafCounts[q][leaf] = records with that leaf value (for the loss measure). */
  readonly leafCounts: readonly Float64Array[];
}

function leafIdsOf(column: EncodedColumn, hierarchy: CompiledHierarchy): Int32Array {
  return Int32Array.from(column.values, (value) => {
    const leaf = hierarchy.leafIds.get(value);
    if (leaf === undefined) {
      const shown = value === '' ? 'the empty value' : `value "${value}"`;
      throw new DatasetPolicyMismatchError(`${column.name}: ${shown} is not in the hierarchy`);
    }
    return leaf;
  });
}

/** Groups the records once into distinct QI (and sensitive) combinations with their counts. */
export function buildCombinations(dataset: Dataset, qis: readonly string[], hierarchies: readonly CompiledHierarchy[], withSensitive: boolean): Combinations {
  const n = dataset.size;
  const recordColumns: Int32Array[] = [];
  const radices: number[] = [];
  qis.forEach((qi, q) => {
    const column = dataset.columns.find((c) => c.name === qi);
    if (!column) throw new DatasetPolicyMismatchError(`the dataset has no column ${qi}`);
    const leafOf = leafIdsOf(column, hierarchies[q]);
    const leaves = new Int32Array(n);
    for (let i = 0; i < n; i++) leaves[i] = leafOf[column.codes[i]];
    recordColumns.push(leaves);
    radices.push(hierarchies[q].leafRows);
  });
  const sensitive = withSensitive ? dataset.sensitive : undefined;
  if (withSensitive && !sensitive) throw new DatasetPolicyMismatchError('l-diversity needs the sensitive variable in the dataset');
  const keyColumns = sensitive ? [...recordColumns, sensitive.codes] : recordColumns;
  const keyRadices = sensitive ? [...radices, sensitive.values.length] : radices;
  const grouping = groupColumns(keyColumns, keyRadices, n, new KeyTable());
  const rows = grouping.groups;
  const counts = new Int32Array(rows);
  for (let i = 0; i < n; i++) counts[grouping.groupOf[i]]++;
  const pick = (column: Int32Array): Int32Array => {
    const out = new Int32Array(rows);
    for (let row = 0; row < rows; row++) out[row] = column[grouping.firstRow[row]];
    return out;
  };
  const leafCounts = hierarchies.map((h, q) => {
    const perLeaf = new Float64Array(h.leafRows);
    for (let i = 0; i < n; i++) perLeaf[recordColumns[q][i]]++;
    return perLeaf;
  });
  return {
    levels: qis.map(() => 0),
    rows,
    columns: recordColumns.map(pick),
    counts,
    sensitive: sensitive ? pick(sensitive.codes) : undefined,
    sensitiveValues: sensitive ? sensitive.values.length : 1,
    combinationOf: grouping.groupOf,
    leafCounts,
  };
}
