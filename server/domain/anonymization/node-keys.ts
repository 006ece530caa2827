import { Grouping, groupIntKeys, groupKeys, KeyTable } from './key-table';

/**
 * Fast class keys for one lattice node. A source's rows are packed row-major, each cell holding
 * its label id plus the QI's offset into one weight table, so a row's key is a single pass of
 * d lookups. When the node's key space is small, classes are found by direct addressing instead
 * of hashing.
 */
export interface PackedRows {
  readonly width: number;
  readonly cells: Int32Array;
  /** offsets[q]: where QI q's labels start in a weight table. */
  readonly offsets: Int32Array;
  readonly weightCount: number;
}

export function packRows(columns: readonly Int32Array[], labelCounts: readonly number[], rows: number): PackedRows {
  const width = columns.length;
  const offsets = new Int32Array(width);
  let weightCount = 0;
  for (let q = 0; q < width; q++) {
    offsets[q] = weightCount;
    weightCount += labelCounts[q];
  }
  const cells = new Int32Array(rows * width);
  for (let q = 0; q < width; q++) packColumn(cells, columns[q], offsets[q], q, width, rows);
  return { width, cells, offsets, weightCount };
}

function packColumn(cells: Int32Array, column: Int32Array, offset: number, q: number, width: number, rows: number): void {
  for (let row = 0, at = q; row < rows; row++, at += width) cells[at] = column[row] + offset;
}

function sumFloatKeys(cells: Int32Array, width: number, weights: Float64Array, rows: number, keys: Float64Array): void {
  for (let row = 0, at = 0; row < rows; row++) {
    let key = 0;
    for (let q = 0; q < width; q++, at++) key += weights[cells[at]];
    keys[row] = key;
  }
}

function sumIntKeys(cells: Int32Array, width: number, weights: Int32Array, rows: number, keys: Int32Array): void {
  for (let row = 0, at = 0; row < rows; row++) {
    let key = 0;
    for (let q = 0; q < width; q++, at++) key += weights[cells[at]];
    keys[row] = key;
  }
}

function assignDirect(keys: Int32Array, rows: number, table: Int32Array, groupOf: Int32Array, firstRow: Int32Array): number {
  let groups = 0;
  for (let row = 0; row < rows; row++) {
    const key = keys[row];
    let id = table[key];
    if (id === -1) {
      id = groups++;
      table[key] = id;
      firstRow[id] = row;
    }
    groupOf[row] = id;
  }
  return groups;
}

function clearDirect(keys: Int32Array, firstRow: Int32Array, groups: number, table: Int32Array): void {
  for (let group = 0; group < groups; group++) table[keys[firstRow[group]]] = -1;
}

/** Reusable buffers for grouping rows of many nodes, one node at a time. */
export class NodeKeyGrouper {
  private floatKeys = new Float64Array(0);
  private intKeys = new Int32Array(0);
  private direct = new Int32Array(0);
  private readonly table = new KeyTable();

  /**
   * Groups packed rows by the node's labels. maps[q] sends the source's labels of QI q to the
   * node's; radices[q] is the node's label count; their product must stay below 2^53.
   */
  group(packed: PackedRows, rows: number, maps: readonly Int32Array[], radices: readonly number[]): Grouping {
    const keySpace = radices.reduce((a, b) => a * b, 1);
    const useDirect = keySpace <= Math.max(1 << 16, rows * 4) && keySpace < 2 ** 31;
    const intKeys = keySpace < 2 ** 31;
    const weights = intKeys ? new Int32Array(packed.weightCount) : new Float64Array(packed.weightCount);
    let stride = 1;
    for (let q = 0; q < maps.length; q++) {
      const map = maps[q];
      for (let label = 0; label < map.length; label++) weights[packed.offsets[q] + label] = map[label] * stride;
      stride *= radices[q];
    }
    if (!intKeys) {
      if (this.floatKeys.length < rows) this.floatKeys = new Float64Array(rows);
      sumFloatKeys(packed.cells, packed.width, weights as Float64Array, rows, this.floatKeys);
      return groupKeys(this.floatKeys, rows, this.table, keySpace);
    }
    if (this.intKeys.length < rows) this.intKeys = new Int32Array(rows);
    sumIntKeys(packed.cells, packed.width, weights as Int32Array, rows, this.intKeys);
    if (!useDirect) return groupIntKeys(this.intKeys, rows, this.table, keySpace);
    if (this.direct.length < keySpace) this.direct = new Int32Array(keySpace).fill(-1);
    const groupOf = new Int32Array(rows);
    const firstRow = new Int32Array(Math.min(rows, keySpace));
    const groups = assignDirect(this.intKeys, rows, this.direct, groupOf, firstRow);
    clearDirect(this.intKeys, firstRow, groups, this.direct);
    return { groupOf, groups, firstRow: firstRow.slice(0, groups) };
  }
}
