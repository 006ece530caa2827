import fc from 'fast-check';
import { groupColumns, groupIntKeys, KeyTable } from '../../../server/domain/anonymization/key-table';

/** Reference grouping: ids in order of first appearance. */
function reference(keys: ArrayLike<number | string>) {
  const ids = new Map<number | string, number>();
  const groupOf = Array.from(keys, (key) => {
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  });
  return { groupOf, groups: ids.size };
}

describe('key grouping', () => {
  it('grows its table past the initial size, keeping first-appearance ids', () => {
    const rows = 200_000;
    const keys = Int32Array.from({ length: rows }, (_, i) => ((i * 7919) % 90_001) * 13);
    const grouping = groupIntKeys(keys, rows, new KeyTable());
    const expected = reference(keys);
    expect(grouping.groups).toBe(expected.groups);
    expect(grouping.groups).toBe(90_001);
    expect([...grouping.groupOf]).toEqual(expected.groupOf);
    expect(keys[grouping.firstRow[5]]).toBe(keys[expected.groupOf.indexOf(5)]);
  });

  it('groups column combinations exactly, however large the key space', () => {
    const column = fc.array(fc.nat(40), { minLength: 30, maxLength: 30 });
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 14 }), fc.constantFrom(41, 5_000, 2_000_000), (columns, radix) => {
        const typed = columns.map((c) => Int32Array.from(c));
        const grouping = groupColumns(typed, typed.map(() => radix), 30, new KeyTable());
        const rowsAsText = Array.from({ length: 30 }, (_, row) => columns.map((c) => c[row]).join(','));
        expect([...grouping.groupOf]).toEqual(reference(rowsAsText).groupOf);
      }),
      { numRuns: 100 },
    );
  });
});
