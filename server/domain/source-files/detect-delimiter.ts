import { CsvSplitter } from './csv-splitter';
import { usedWidth } from './detect-header-row';
import { SourceFileError } from './source-file-error';

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
const NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const SAMPLE_RECORDS = 60;

interface Candidate {
  delimiter: Delimiter;
  /** Most common cell count over the sample's non-blank records. */
  width: number;
  /** Share of those records that have exactly that width. */
  consistency: number;
  /** Records it splits into more than one cell. */
  splits: number;
}

function analyse(sample: string, complete: boolean, delimiter: Delimiter): Candidate {
  const splitter = new CsvSplitter(delimiter, Number.POSITIVE_INFINITY);
  let records;
  try {
    // Unless the sample is the whole file, its last record may be cut short and is left out.
    records = [...splitter.push(sample), ...(complete ? splitter.end() : [])].filter((r) => r.cells.length > 1 || r.cells[0].trim() !== '').slice(0, SAMPLE_RECORDS);
  } catch {
    return { delimiter, width: 1, consistency: 0, splits: 0 };
  }
  // A record fits width W when it has W cells, or more whose extras are empty: trailing
  // separators (`a;b;c;;`) are common export noise.
  const shapes = records.map((r) => ({ length: r.cells.length, used: usedWidth(r.cells) }));
  const splits = shapes.filter((r) => r.length > 1).length;
  let width = 1;
  let best = 0;
  for (const w of new Set(shapes.map((r) => r.length))) {
    const fits = shapes.filter((r) => r.length === w || (r.length > w && r.used <= w)).length;
    if (fits > best || (fits === best && w > width)) [width, best] = [w, fits];
  }
  return { delimiter, width, consistency: records.length ? best / records.length : 0, splits };
}

/**
 * Picks the delimiter that splits the first lines into the same number of cells most
 * consistently. Title lines above the header (one cell) lower consistency but do not win.
 */
export function detectDelimiter(sample: string, complete: boolean, declared?: Delimiter): Delimiter {
  const candidates = DELIMITERS.map((d) => analyse(sample, complete, d));
  const usable = candidates
    .filter((c) => c.width > 1 && c.consistency >= 0.6)
    .sort((a, b) => b.consistency - a.consistency || b.width - a.width);
  const found = usable[0];
  if (declared) {
    const own = candidates.find((c) => c.delimiter === declared) as Candidate;
    if (own.width <= 1 && found) {
      throw new SourceFileError(
        'wrong_delimiter',
        `The file was declared ${NAMES[declared]}-separated but every line is a single column; its lines are separated by ${NAMES[found.delimiter]}s ('${found.delimiter}', ${found.width} columns).`,
      );
    }
    return declared;
  }
  if (found) return found.delimiter;
  const present = candidates.filter((c) => c.splits > 0).sort((a, b) => b.splits - a.splits);
  if (present.length > 0) {
    const d = present[0].delimiter;
    throw new SourceFileError(
      'wrong_delimiter',
      `Could not find the column separator: the lines contain ${NAMES[d]}s ('${d}') but split into different numbers of columns. Check that the file has one record per line and a consistent separator.`,
    );
  }
  // A single-column file is legal (nothing to split on).
  return ',';
}

export function delimiterName(delimiter: string): string {
  return NAMES[delimiter as Delimiter] ?? delimiter;
}
