/**
 * A small stand-in for the profiler, for tests: counts each column's values from rows already in
 * memory. Columns named in `identifiers` keep no values, as the real profiler does.
 */
import type { ColumnProfile, FileProfile, IdentifierKind, InferredType } from '../../../../server/domain/profiling/types';

const DATE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})/;

function inferType(values: string[]): InferredType {
  const filled = values.filter((v) => v.trim() !== '');
  if (filled.length === 0) return 'empty';
  if (filled.every((v) => /^-?\d+$/.test(v.trim()))) return 'integer';
  if (filled.every((v) => DATE.test(v.trim()))) return 'date';
  return new Set(filled).size <= 50 ? 'code' : 'text';
}

export function profileRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  identifiers: Readonly<Record<string, IdentifierKind>> = {},
  distinctCap = 1000,
): FileProfile {
  const columns: ColumnProfile[] = header.map((name, index) => {
    const cells = rows.map((r) => r[index] ?? '');
    const counts = new Map<string, number>();
    let empty = 0;
    for (const c of cells) {
      if (c.trim() === '') empty++;
      else counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    const lengths = cells.map((c) => c.length);
    const kind = identifiers[name];
    return {
      index,
      name,
      inferredType: inferType(cells),
      nonEmpty: cells.length - empty,
      empty,
      distinctCount: counts.size,
      distinctCapped: counts.size > distinctCap,
      values: kind ? null : sorted.slice(0, distinctCap).map(([value, count]) => ({ value, count })),
      identifier: kind ? { kind, reason: 'test fixture' } : null,
      stats: {
        minLength: Math.min(...lengths, 0),
        maxLength: Math.max(...lengths, 0),
        meanLength: lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length),
      },
    };
  });
  return { format: 'csv', encoding: 'utf-8', delimiter: ',', headerRow: 0, rowCount: rows.length, columns, distinctCap, warnings: [] };
}
