/**
 * Open-addressing hash table buffers, reused across lattice nodes so counting a node allocates
 * little. The hot loops live in small standalone functions over typed arrays: V8 optimizes those
 * once, where one large function with several loops kept being deoptimized between calls.
 */
export class KeyTable {
  keys = new Float64Array(0);
  ids = new Int32Array(0);
  shift = 32;
  mask = 0;
  /** Int32 keys and ids interleaved, one cache line per probe: [key, id, key, id, …], key -1 = empty. */
  intSlots = new Int32Array(0);
  intShift = 32;

  prepareInt(distinct: number): void {
    let capacity = 16;
    while (capacity < distinct * 2) capacity *= 2;
    if (capacity * 2 !== this.intSlots.length) {
      this.intSlots = new Int32Array(capacity * 2);
      this.intShift = 32 - Math.log2(capacity);
    }
    this.intSlots.fill(-1);
  }

  /** Empties the table, sized for at most `distinct` keys at a load of one half or less. */
  prepare(distinct: number): void {
    let capacity = 16;
    while (capacity < distinct * 2) capacity *= 2;
    if (capacity !== this.ids.length) {
      this.keys = new Float64Array(capacity);
      this.ids = new Int32Array(capacity);
      this.shift = 32 - Math.log2(capacity);
      this.mask = capacity - 1;
    }
    this.ids.fill(-1);
  }
}

export interface Grouping {
  /** Group id of every row, ids dense in order of first appearance (so grouping is deterministic). */
  groupOf: Int32Array;
  groups: number;
  /** First row of every group. */
  firstRow: Int32Array;
}

/** Groups rows by key (non-negative integers below 2^53); `distinct` bounds the number of groups. */
export function groupKeys(keys: Float64Array, rows: number, table = new KeyTable(), distinct = rows): Grouping {
  table.prepare(Math.min(rows, distinct));
  const groupOf = new Int32Array(rows);
  const firstRow = new Int32Array(rows);
  const groups = assignGroups(keys, rows, table.keys, table.ids, table.shift, table.mask, groupOf, firstRow);
  return { groupOf, groups, firstRow: firstRow.slice(0, groups) };
}

function assignGroups(
  keys: Float64Array,
  rows: number,
  slotKeys: Float64Array,
  slotIds: Int32Array,
  shift: number,
  mask: number,
  groupOf: Int32Array,
  firstRow: Int32Array,
): number {
  let groups = 0;
  for (let row = 0; row < rows; row++) {
    const key = keys[row];
    let slot = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x85ebca6b), 0x9e3779b1) >>> shift;
    let id = slotIds[slot];
    while (id !== -1 && slotKeys[slot] !== key) {
      slot = (slot + 1) & mask;
      id = slotIds[slot];
    }
    if (id === -1) {
      id = groups++;
      slotIds[slot] = id;
      slotKeys[slot] = key;
      firstRow[id] = row;
    }
    groupOf[row] = id;
  }
  return groups;
}

/** Groups never exceed this many at first; the table doubles as they do (distinct ≪ rows). */
const INITIAL_INT_GROUPS = 1 << 15;

/** Groups rows by key (non-negative int32); `distinct` bounds the number of groups. */
export function groupIntKeys(keys: Int32Array, rows: number, table = new KeyTable(), distinct = rows): Grouping {
  const bound = Math.min(rows, distinct);
  let allowed = Math.min(bound, INITIAL_INT_GROUPS);
  table.prepareInt(allowed);
  const groupOf = new Int32Array(rows);
  const firstRow = new Int32Array(bound);
  const state = new Int32Array(2);
  for (;;) {
    assignIntGroups(keys, rows, table.intSlots, table.intShift, groupOf, firstRow, state, allowed);
    if (state[0] === rows) break;
    allowed = Math.min(bound, allowed * 2);
    table.prepareInt(allowed);
    reinsert(keys, firstRow, state[1], table.intSlots, table.intShift);
  }
  return { groupOf, groups: state[1], firstRow: firstRow.slice(0, state[1]) };
}

/** Assigns groups from row state[0] on; stops early (state = [next row, groups]) at `allowed` groups. */
function assignIntGroups(keys: Int32Array, rows: number, slots: Int32Array, shift: number, groupOf: Int32Array, firstRow: Int32Array, state: Int32Array, allowed: number): void {
  const mask = slots.length - 1;
  let groups = state[1];
  for (let row = state[0]; row < rows; row++) {
    const key = keys[row];
    let at = (Math.imul(key, 0x9e3779b1) >>> shift) << 1;
    let stored = slots[at];
    while (stored !== key && stored !== -1) {
      at = (at + 2) & mask;
      stored = slots[at];
    }
    let id: number;
    if (stored === -1) {
      if (groups === allowed) {
        state[0] = row;
        state[1] = groups;
        return;
      }
      id = groups++;
      slots[at] = key;
      slots[at + 1] = id;
      firstRow[id] = row;
    } else id = slots[at + 1];
    groupOf[row] = id;
  }
  state[0] = rows;
  state[1] = groups;
}

function reinsert(keys: Int32Array, firstRow: Int32Array, groups: number, slots: Int32Array, shift: number): void {
  const mask = slots.length - 1;
  for (let id = 0; id < groups; id++) {
    const key = keys[firstRow[id]];
    let at = (Math.imul(key, 0x9e3779b1) >>> shift) << 1;
    while (slots[at] !== -1) at = (at + 2) & mask;
    slots[at] = key;
    slots[at + 1] = id;
  }
}

const MAX_EXACT = 2 ** 53;
const MAX_INT_KEY = 2 ** 31 - 1;

/**
 * Groups rows by the combination of their column values (each column holds ids below its radix).
 * Keys are mixed-radix numbers; when the radix product would pass 2^53, the columns combined so
 * far are first replaced by their group ids, so any number of columns stays exact.
 */
export function groupColumns(columns: readonly Int32Array[], radices: readonly number[], rows: number, table = new KeyTable()): Grouping {
  const keySpace = radices.reduce((a, b) => a * b, 1);
  if (keySpace <= MAX_INT_KEY) {
    const intKeys = new Int32Array(rows);
    for (let c = 0; c < columns.length; c++) appendIntDigit(intKeys, columns[c], radices[c], rows);
    return groupIntKeys(intKeys, rows, table, keySpace);
  }
  const keys = new Float64Array(rows);
  let radix = 1;
  for (let c = 0; c < columns.length; c++) {
    if (radix * radices[c] >= MAX_EXACT) {
      const partial = groupKeys(keys, rows, table, radix);
      for (let row = 0; row < rows; row++) keys[row] = partial.groupOf[row];
      radix = partial.groups;
    }
    appendDigit(keys, columns[c], radices[c], rows);
    radix *= radices[c];
  }
  return groupKeys(keys, rows, table, radix);
}

function appendDigit(keys: Float64Array, column: Int32Array, base: number, rows: number): void {
  for (let row = 0; row < rows; row++) keys[row] = keys[row] * base + column[row];
}

/** keys[row] += weights[column[row]]: adds one QI's contribution to mixed-radix keys. */
function appendIntDigit(keys: Int32Array, column: Int32Array, base: number, rows: number): void {
  for (let row = 0; row < rows; row++) keys[row] = keys[row] * base + column[row];
}

export function addWeighted(keys: Float64Array, column: Int32Array, weights: Float64Array, rows: number): void {
  for (let row = 0; row < rows; row++) keys[row] += weights[column[row]];
}

/** totals[groupOf[row]] += counts[row]. */
export function sumByGroup(groupOf: Int32Array, counts: Int32Array, rows: number, totals: Int32Array): void {
  for (let row = 0; row < rows; row++) totals[groupOf[row]] += counts[row];
}
