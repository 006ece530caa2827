import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Hierarchy, HierarchyError, validateHierarchy } from './hierarchy';

/**
 * ARX's hierarchy file: one line per leaf value followed by its generalizations from level 1 to
 * `*`, `;`-separated. The empty value is a line starting with an empty cell.
 */
export function hierarchyToArxCsv(hierarchy: Hierarchy): string {
  return stringify(hierarchy.rows.map((row) => [...row]), { delimiter: ';', record_delimiter: '\n' });
}

export function hierarchyFromArxCsv(text: string, name?: string): Hierarchy {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    throw new HierarchyError(`${name ?? 'hierarchy'}: not a readable ARX CSV (${(error as Error).message})`);
  }
  const hierarchy: Hierarchy = { rows };
  validateHierarchy(hierarchy, name);
  return hierarchy;
}
