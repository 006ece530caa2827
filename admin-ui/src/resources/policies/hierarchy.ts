import { codesOf, standardVariable } from '../../standard';

export type Rows = string[][];

/** What each level of a hierarchy publishes (the server's previewHierarchy, for unsaved edits). */
export function previewRows(rows: Rows): { level: number; labels: string[] }[] {
  const height = rows.length ? rows[0].length - 1 : 0;
  return Array.from({ length: height + 1 }, (_, level) => ({ level, labels: [...new Set(rows.map((r) => r[level] ?? ''))] }));
}

export const heightOf = (rows: Rows | undefined) => (rows?.length ? rows[0].length - 1 : 0);

/** value → `*` over the standard's codes, plus the empty value (the server's buildFlatHierarchy). */
export function flatHierarchy(variable: string): Rows | null {
  const codes = codesOf(standardVariable(variable)).map((c) => c.code);
  if (!codes.length) return null;
  return [...codes.map((c) => [c, '*']), ['', '*']];
}

/**
 * ARX's hierarchy CSV (`;`-separated, double quotes around cells that need them), read in the
 * browser for the editor's preview; the server validates the hierarchy again when it is saved.
 */
export function parseArxCsv(text: string): Rows {
  const rows: Rows = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ';') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    if (row.length > 1 || row[0] !== '') rows.push(row);
  }
  return rows;
}
