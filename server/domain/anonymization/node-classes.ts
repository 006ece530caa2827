import { CompiledHierarchy, labelMap } from './compiled-hierarchy';
import { RowSource } from './combinations';
import { groupColumns, groupKeys, Grouping, KeyTable, sumByGroup } from './key-table';
import { NodeKeyGrouper, PackedRows, packRows } from './node-keys';

/** The equivalence classes of one lattice node, counted from some row source. */
export interface NodeClasses {
  readonly levels: readonly number[];
  readonly source: RowSource;
  /** maps[q]: label at the source's level → label at the node's level. */
  readonly maps: readonly Int32Array[];
  /** classOf[sourceRow] = class id. */
  readonly classOf: Int32Array;
  readonly classes: number;
  /** Records per class. */
  readonly size: Int32Array;
  readonly firstRow: Int32Array;
  /** Distinct sensitive values per class (l-diversity only). */
  readonly distinct?: Int32Array;
  /** Source rows grouped per (class, sensitive value) (l-diversity only). */
  readonly subclasses?: Grouping;
  /** 1 when the class is smaller than k or less diverse than l: its records are suppressed. */
  readonly failing: Uint8Array;
  readonly suppressed: number;
}

/** Counts the classes of any lattice node, reusing buffers between nodes. */
export class ClassCounter {
  private readonly maps: Int32Array[][][];
  private readonly grouper = new NodeKeyGrouper();
  private readonly subTable = new KeyTable();
  private readonly packed = new WeakMap<RowSource, PackedRows>();

  constructor(
    readonly hierarchies: readonly CompiledHierarchy[],
    readonly k: number,
    /** 1 when no l-diversity is required. */
    readonly l: number,
  ) {
    this.maps = hierarchies.map((h) =>
      Array.from({ length: h.height + 1 }, (_, from) =>
        Array.from({ length: h.height + 1 }, (_, to) => (to >= from ? labelMap(h, from, to) : new Int32Array(0))),
      ),
    );
  }

  /** Groups the source's rows into the classes of the node `levels` (each ≥ the source's levels). */
  count(source: RowSource, levels: readonly number[]): NodeClasses {
    const rows = source.rows;
    const maps = levels.map((level, q) => this.maps[q][source.levels[q]][level]);
    const radices = levels.map((level, q) => this.hierarchies[q].labels[level].length);
    const grouping =
      radices.reduce((a, b) => a * b, 1) < 2 ** 53
        ? this.grouper.group(this.packedRows(source), rows, maps, radices)
        : groupColumns(
            source.columns.map((column, q) => Int32Array.from(column, (label) => maps[q][label])),
            radices,
            rows,
          );
    const classes = grouping.groups;
    const size = new Int32Array(classes);
    sumByGroup(grouping.groupOf, source.counts, rows, size);
    let subclasses: Grouping | undefined;
    let distinct: Int32Array | undefined;
    if (source.sensitive) {
      const subKeys = new Float64Array(rows);
      subclassKeys(grouping.groupOf, source.sensitive, source.sensitiveValues, rows, subKeys);
      subclasses = groupKeys(subKeys, rows, this.subTable);
      distinct = new Int32Array(classes);
      countDistinct(grouping.groupOf, subclasses.firstRow, subclasses.groups, distinct);
    }
    const failing = new Uint8Array(classes);
    const suppressed = markFailing(size, distinct, this.k, this.l, failing);
    return { levels: [...levels], source, maps, classOf: grouping.groupOf, classes, size, firstRow: grouping.firstRow, distinct, subclasses, failing, suppressed };
  }

  /** Per QI, Σ over suppressed records of the leaf rows under their label (for the loss). */
  suppressedShare(node: NodeClasses): Float64Array {
    const share = new Float64Array(node.levels.length);
    if (node.suppressed === 0) return share;
    for (let q = 0; q < node.levels.length; q++) {
      const under = this.hierarchies[q].leafRowsUnder[node.levels[q]];
      share[q] = failingShare(node.failing, node.size, node.firstRow, node.source.columns[q], node.maps[q], under);
    }
    return share;
  }

  private packedRows(source: RowSource): PackedRows {
    let packed = this.packed.get(source);
    if (!packed) {
      const labelCounts = source.levels.map((level, q) => this.hierarchies[q].labels[level].length);
      packed = packRows(source.columns, labelCounts, source.rows);
      this.packed.set(source, packed);
    }
    return packed;
  }
}

function subclassKeys(groupOf: Int32Array, sensitive: Int32Array, values: number, rows: number, out: Float64Array): void {
  for (let row = 0; row < rows; row++) out[row] = groupOf[row] * values + sensitive[row];
}

function countDistinct(groupOf: Int32Array, subFirstRow: Int32Array, subclasses: number, distinct: Int32Array): void {
  for (let sub = 0; sub < subclasses; sub++) distinct[groupOf[subFirstRow[sub]]]++;
}

/** Marks classes below k (or l) and returns how many records they hold. */
function markFailing(size: Int32Array, distinct: Int32Array | undefined, k: number, l: number, failing: Uint8Array): number {
  let suppressed = 0;
  for (let c = 0; c < size.length; c++) {
    if (size[c] < k || (distinct !== undefined && distinct[c] < l)) {
      failing[c] = 1;
      suppressed += size[c];
    }
  }
  return suppressed;
}

function failingShare(failing: Uint8Array, size: Int32Array, firstRow: Int32Array, column: Int32Array, map: Int32Array, under: Int32Array): number {
  let share = 0;
  for (let c = 0; c < failing.length; c++) if (failing[c]) share += size[c] * under[map[column[firstRow[c]]]];
  return share;
}

/** Label id of QI q for class c. */
export function classLabel(node: NodeClasses, q: number, c: number): number {
  return node.maps[q][node.source.columns[q][node.firstRow[c]]];
}

/** The node's classes (or, with l-diversity, its class × sensitive value rows) as a rollup source. */
export function classesAsSource(node: NodeClasses): RowSource {
  const { source } = node;
  const grouping: Grouping = node.subclasses ?? { groupOf: node.classOf, groups: node.classes, firstRow: node.firstRow };
  const rows = grouping.groups;
  const columns = node.maps.map((map, q) => pickLabels(source.columns[q], map, grouping.firstRow, rows));
  const counts = new Int32Array(rows);
  sumByGroup(grouping.groupOf, source.counts, source.rows, counts);
  const sensitive = source.sensitive ? pickLabels(source.sensitive, undefined, grouping.firstRow, rows) : undefined;
  return { levels: node.levels, rows, columns, counts, sensitive, sensitiveValues: source.sensitiveValues };
}

function pickLabels(column: Int32Array, map: Int32Array | undefined, firstRow: Int32Array, rows: number): Int32Array {
  const out = new Int32Array(rows);
  for (let row = 0; row < rows; row++) out[row] = map ? map[column[firstRow[row]]] : column[firstRow[row]];
  return out;
}
