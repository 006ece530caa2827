/**
 * Adds a part of a file's distinct values, with their counts and in the order first seen, to the
 * values `kept` so far, as one reader keeping the first `cap` distinct values would have: a kept
 * value gains its count, a new one is kept while there is room, and the others go to `overflow`.
 * Parts added in file order thus keep what reading the whole file at once keeps.
 */
export function addFirstKept(
  kept: Map<string, number>,
  values: readonly string[],
  counts: ArrayLike<number>,
  cap: number,
  overflow?: (value: string) => void,
): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const seen = kept.get(value);
    if (seen !== undefined) kept.set(value, seen + counts[i]);
    else if (kept.size < cap) kept.set(value, counts[i]);
    else overflow?.(value);
  }
}
