import iconv from 'iconv-lite';
import { partnerRows } from './partner-rows';
import type { PartnerProfile } from './types';

const CHUNK_CHARS = 64 * 1024;

function csvLine(cells: readonly string[], delimiter: string, lineEnding: string): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (i > 0) line += delimiter;
    // Quote only when needed, as spreadsheet exports do.
    if (cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r')) {
      line += '"' + cell.replace(/"/g, '""') + '"';
    } else {
      line += cell;
    }
  }
  return line + lineEnding;
}

function encode(text: string, profile: PartnerProfile): Buffer {
  return profile.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'win1252');
}

/** The whole file as encoded chunks of about 64 KB, produced only as they are pulled. */
export function* csvChunks(profile: PartnerProfile, rows: number, seed: number | string): Generator<Buffer> {
  const { delimiter, lineEnding } = profile;
  let text = profile.bom ? '\uFEFF' : '';
  for (const title of profile.titleLines) text += title + lineEnding;
  text += csvLine(profile.columns, delimiter, lineEnding);
  for (const row of partnerRows(profile, rows, seed)) {
    text += csvLine(row, delimiter, lineEnding);
    if (text.length >= CHUNK_CHARS) {
      yield encode(text, profile);
      text = '';
    }
  }
  if (text.length > 0) yield encode(text, profile);
}
