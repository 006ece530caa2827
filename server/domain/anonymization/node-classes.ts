import { CompiledHierarchy, labelMap } from './compiled-hierarchy';
import { RowSource } from './combinations';
import { groupColumns, groupKeys, Grouping, KeyTable } from './key-table';

/** Everything needed to count the equivalence classes of any lattice node. */
export class ClassCounter {
  private readonly maps: Int32Array[][][];
  private readonly table = new KeyTable(1 << 16);
  private readonly subTable = new KeyTable(1 << 16);
  private keys = new Float64Array(0);

  constructor(
    readonly hierarchies: readonly CompiledHierarchy[],
    readonly k: number,
    /** 1 when no l-diversity is required. */
    readonly l: number,
  ) {
    this.maps = hierarchies.map((h) =>
      Array.from({ length: h.height + 1 }, (_, from) => Array.from({ length: h.height + 1 }, (_, to) => (to >= from ? labelMap(h, from, to) : new Int32Array(0)))),
    );
  }

  labelMap(q: number, from: number, to: number): Int32Array {
    return this.maps[q][from][to];
  }

  /** Groups the source's rows into the classes of the node `levels` (each ≥ the source's levels). */
  count(source: RowSource, levels: readonly number[]): NodeClasses {
    const d = levels.length;
    const rows = source.rows;
    const maps = levels.map((level, q) => this.maps[q][source.levels[q]][level]);
    const radices = levels.map((level, q) => this.hierarchies[q].labels[level].length);
    let grouping: Grouping;
    if (radices.reduce((a, b) => a * b, 1) < 2 ** 53) {
      if (this.keys.length < rows) this.keys = new Float64Array(rows);
      const keys = this.keys;
      keys.fill(0, 0, rows);
      let stride = 1;
      for (let q = 0; q < d; q++) {
        const map = maps[q];
        const scaled = new Float64Array(map.length);
        for (let label = 0; label < map.length; label++) scaled[label] = map[label] * stride;
        const column = source.columns[q];
        for (let row = 0; row < rows; row++) keys[row] += scaled[column[row]];
        stride *= radices[q];
      }
      grouping = groupKeys(keys, rows, this.table);
    } else {
      const mapped = source.columns.map((column, q) => Int32Array.from(column, (label) => maps[q][label]));
      grouping = groupColumns(mapped, radices, rows, this.table);
    }
    const classes = grouping.groups;
    const size = new Int32Array(classes);
    for (let row = 0; row < rows; row++) size[grouping.groupOf[row]] += source.counts[row];
    let subclasses: Grouping | undefined;
    let distinct: Int32Array | undefined;
    if (source.sensitive) {
      const sensitive = source.sensitive;
      const subKeys = new Float64Array(rows);
      for (let row = 0; row < rows; row++) subKeys[row] = grouping.groupOf[row] * source.sensitiveValues + sensitive[row];
      subclasses = groupKeys(subKeys, rows, this.subTable);
      distinct = new Int32Array(classes);
      for (let sub = 0; sub < subclasses.groups; sub++) distinct[grouping.groupOf[subclasses.firstRow[sub]]]++;
    }
    const failing = new Uint8Array(classes);
    const suppressedShare = new Float64Array(d);
    let suppressed = 0;
    for (let c = 0; c < classes; c++) {
      if (size[c] >= this.k && (!distinct || distinct[c] >= this.l)) continue;
      failing[c] = 1;
      suppressed += size[c];
      const first = grouping.firstRow[c];
      for (let q = 0; q < d; q++) {
        const label = maps[q][source.columns[q][first]];
        suppressedShare[q] += size[c] * this.hierarchies[q].leafRowsUnder[levels[q]][label];
      }
    }
    return { levels: [...levels], source, maps, classOf: grouping.groupOf, classes, size, firstRow: grouping.firstRow, distinct, subclasses, failing, suppressed, suppressedShare };
  }
}

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
  /** Per QI, Σ over suppressed records of the leaf rows under their label (loss bookkeeping). */
  readonly suppressedShare: Float64Array;
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
  const columns = node.maps.map((map, q) => {
    const column = new Int32Array(rows);
    const from = source.columns[q];
    for (let row = 0; row < rows; row++) column[row] = map[from[grouping.firstRow[row]]];
    return column;
  });
  const counts = new Int32Array(rows);
  for (let row = 0; row < source.rows; row++) counts[grouping.groupOf[row]] += source.counts[row];
  let sensitive: Int32Array | undefined;
  if (source.sensitive) {
    const from = source.sensitive;
    sensitive = new Int32Array(rows);
    for (let row = 0; row < rows; row++) sensitive[row] = from[grouping.firstRow[row]];
  }
  return { levels: node.levels, rows, columns, counts, sensitive, sensitiveValues: source.sensitiveValues };
}
