const TWO_POW_32 = 4294967296;

/**
 * Open-addressing hash table from a non-negative integer key (a double below 2^53) to a dense id
 * 0, 1, 2, … in order of first insertion, so grouping is deterministic. Reused across lattice
 * nodes to avoid reallocating per node.
 */
export class KeyTable {
  private keys = new Float64Array(0);
  private ids = new Int32Array(0);
  private shift = 32;
  private mask = 0;
  size = 0;

  constructor(expected = 16) {
    this.allocate(expected);
  }

  /** Empties the table, sized for about `expected` distinct keys. */
  reset(expected: number): void {
    const capacity = capacityFor(expected);
    if (capacity > this.ids.length || capacity * 8 < this.ids.length) this.allocate(expected);
    else this.ids.fill(-1);
    this.size = 0;
  }

  idOf(key: number): number {
    const keys = this.keys;
    const ids = this.ids;
    const mask = this.mask;
    let slot = Math.imul((key >>> 0) ^ Math.imul((key / TWO_POW_32) >>> 0, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
    for (;;) {
      const id = ids[slot];
      if (id === -1) break;
      if (keys[slot] === key) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    keys[slot] = key;
    ids[slot] = id;
    if (this.size * 2 > ids.length) this.grow();
    return id;
  }

  private allocate(expected: number): void {
    const capacity = capacityFor(expected);
    this.keys = new Float64Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.shift = 32 - Math.log2(capacity);
    this.mask = capacity - 1;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    const size = this.size;
    this.allocate(oldIds.length);
    for (let slot = 0; slot < oldIds.length; slot++) {
      const id = oldIds[slot];
      if (id === -1) continue;
      const key = oldKeys[slot];
      let at = Math.imul((key >>> 0) ^ Math.imul((key / TWO_POW_32) >>> 0, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
      while (this.ids[at] !== -1) at = (at + 1) & this.mask;
      this.keys[at] = key;
      this.ids[at] = id;
    }
    this.size = size;
  }
}

function capacityFor(expected: number): number {
  let capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  return capacity;
}

export interface Grouping {
  /** Group id of every row, ids dense in order of first appearance. */
  groupOf: Int32Array;
  groups: number;
  /** First row of every group. */
  firstRow: Int32Array;
}

const MAX_EXACT = 2 ** 53;

/**
 * Groups rows by the combination of their column values (each column holds ids below its radix).
 * Keys are mixed-radix numbers; when the radix product would pass 2^53, the columns combined so
 * far are first replaced by their group ids, so any number of columns stays exact.
 */
export function groupColumns(columns: readonly Int32Array[], radices: readonly number[], rows: number, table = new KeyTable()): Grouping {
  const keys = new Float64Array(rows);
  let radix = 1;
  for (let c = 0; c < columns.length; c++) {
    if (radix * radices[c] >= MAX_EXACT) {
      const partial = groupKeys(keys, rows, table);
      keys.set(partial.groupOf);
      radix = partial.groups;
    }
    const column = columns[c];
    const base = radices[c];
    for (let row = 0; row < rows; row++) keys[row] = keys[row] * base + column[row];
    radix *= base;
  }
  return groupKeys(keys, rows, table);
}

export function groupKeys(keys: Float64Array, rows: number, table = new KeyTable(), expected = rows): Grouping {
  table.reset(Math.min(rows, expected));
  const groupOf = new Int32Array(rows);
  let firstRow = new Int32Array(Math.max(16, Math.min(rows, expected)));
  for (let row = 0; row < rows; row++) {
    const before = table.size;
    const id = table.idOf(keys[row]);
    groupOf[row] = id;
    if (id === before) {
      if (id === firstRow.length) {
        const grown = new Int32Array(firstRow.length * 2);
        grown.set(firstRow);
        firstRow = grown;
      }
      firstRow[id] = row;
    }
  }
  return { groupOf, groups: table.size, firstRow: firstRow.subarray(0, table.size) };
}
