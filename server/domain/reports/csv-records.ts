import { StringDecoder } from 'node:string_decoder';

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record (RFC 4180, comma-separated), quoting only the cells that need it, no line end. */
export function csvLine(cells: readonly string[]): string {
  // join() gives one flat string; building it with += would leave a rope of every cell per line.
  for (let i = 0; i < cells.length; i++) {
    if (NEEDS_QUOTES.test(cells[i])) return cells.map((c) => (NEEDS_QUOTES.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  }
  return cells.join(',');
}

/** Splits one complete record that holds quotes (possibly spanning lines). */
function parseQuotedRecord(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
        quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else cell += ch;
    i++;
  }
  cells.push(cell);
  return cells;
}

/** One complete CSV record (no line end) into its cells. */
export function parseCsvRecord(line: string): string[] {
  return line.indexOf('"') < 0 ? line.split(',') : parseQuotedRecord(line);
}

const quoteCount = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
};

/**
 * Streams the text of complete CSV records (a quoted cell may span lines) in batches, one batch per
 * input chunk, so a million rows never sit in memory. Handles a BOM and CRLF line ends.
 */
export async function* readCsvLineBatches(input: AsyncIterable<Buffer | string>): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let open = ''; // a record whose quoted cell continues on the next line
  let first = true;
  const take = (line: string, out: string[]) => {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (open) {
      line = `${open}\n${line}`;
      open = '';
    }
    if (line.indexOf('"') >= 0 && quoteCount(line) % 2 === 1) open = line;
    else out.push(line);
  };
  for await (const chunk of input) {
    let text = pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const out: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      take(text.slice(start, nl), out);
      start = nl + 1;
    }
    pending = text.slice(start);
    if (out.length) yield out;
  }
  const rest = pending + decoder.end();
  const out: string[] = [];
  if (rest.length || open) take(rest, out);
  if (open) throw new Error('The CSV ends inside a quoted cell');
  if (out.length) yield out;
}

/** The same, split into cells: the common unquoted line costs one `split`. */
export async function* readCsvBatches(input: AsyncIterable<Buffer | string>): AsyncGenerator<string[][]> {
  for await (const lines of readCsvLineBatches(input)) yield lines.map(parseCsvRecord);
}
