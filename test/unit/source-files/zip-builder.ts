import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A minimal zip writer for building test workbooks by hand, including ones no spreadsheet
 * program would write (a zip bomb). An entry's content is given as a repeated chunk so a huge
 * uncompressed size never has to sit in memory.
 */
export interface ZipEntrySpec {
  name: string;
  head?: string;
  repeat?: { chunk: string; times: number };
  tail?: string;
}

async function deflate(spec: ZipEntrySpec): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflater = createDeflateRaw();
  const out: Buffer[] = [];
  deflater.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflater.on('end', resolve));
  let crc = 0;
  let size = 0;
  const write = async (text: string): Promise<void> => {
    const bytes = Buffer.from(text, 'utf8');
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once('drain', resolve));
  };
  if (spec.head) await write(spec.head);
  if (spec.repeat) {
    const chunk = spec.repeat.chunk.repeat(Math.max(1, Math.floor((1 << 20) / spec.repeat.chunk.length)));
    const perChunk = Math.floor(chunk.length / spec.repeat.chunk.length);
    for (let left = spec.repeat.times; left > 0; left -= perChunk) {
      await write(left >= perChunk ? chunk : spec.repeat.chunk.repeat(left));
    }
  }
  if (spec.tail) await write(spec.tail);
  deflater.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

export async function buildZip(entries: ZipEntrySpec[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = await deflate(entry);
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook other than the sheet itself. */
export const WORKBOOK_PARTS: ZipEntrySpec[] = [
  {
    name: '[Content_Types].xml',
    head: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  },
  {
    name: 'xl/workbook.xml',
    head: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    head: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  },
];

export function sheetEntry(rowsXml: { head?: string; repeat?: { chunk: string; times: number } }): ZipEntrySpec {
  return {
    name: 'xl/worksheets/sheet1.xml',
    head: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rowsXml.head ?? ''}`,
    repeat: rowsXml.repeat,
    tail: '</sheetData></worksheet>',
  };
}

export const inlineRow = (r: number, cells: string[]): string =>
  `<row r="${r}">${cells.map((text, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`;
