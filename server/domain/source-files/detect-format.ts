import { SourceFileError } from './source-file-error';

export type ContainerFormat = 'xlsx' | 'text';

/** Decides from the first bytes whether this is a zip (XLSX) or text; refuses other binaries. */
export function detectContainer(sample: Buffer): ContainerFormat {
  if (sample.length >= 4 && sample[0] === 0x50 && sample[1] === 0x4b && (sample[2] === 0x03 || sample[2] === 0x05)) {
    return 'xlsx';
  }
  if (sample.length >= 8 && sample.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new SourceFileError(
      'unsupported_format',
      'This is an old Excel 97-2003 workbook (.xls). Save it as .xlsx or CSV and upload it again.',
    );
  }
  if (sample.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw new SourceFileError('unsupported_format', 'This is a PDF document, not a CSV, TSV or XLSX file.');
  }
  return 'text';
}
