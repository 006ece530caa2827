import chardet from 'chardet';
import { SourceFileError } from './source-file-error';

export interface DetectedEncoding {
  /** Name iconv-lite understands ('utf-8' is decoded natively). */
  encoding: string;
  bomLength: number;
}

/**
 * Single-byte Latin encodings are reported as windows-1252: it is a superset of ISO-8859-1 for
 * printable text, chardet cannot tell the Latin variants apart on short samples, and our partners
 * write French, Spanish and Portuguese. Other scripts keep chardet's answer.
 */
const SUPPORTED: Record<string, string> = {
  'iso-8859-1': 'windows-1252', 'iso-8859-15': 'windows-1252', 'windows-1252': 'windows-1252',
  'iso-8859-2': 'windows-1252', 'windows-1250': 'windows-1252', 'iso-8859-9': 'windows-1252',
  'windows-1254': 'windows-1252',
  'windows-1251': 'windows-1251', 'iso-8859-5': 'iso-8859-5', 'koi8-r': 'koi8-r',
  'windows-1253': 'windows-1253', 'iso-8859-7': 'iso-8859-7', 'windows-1256': 'windows-1256',
  'iso-8859-6': 'iso-8859-6', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
};
// CJK multi-byte encodings are left out on purpose: chardet reports them for random high bytes,
// and accepting them would turn garbage into plausible-looking text instead of an error.
const MIN_CONFIDENCE = 10;

function isValidUtf8(sample: Buffer, complete: boolean): boolean {
  try {
    // stream: true lets a multi-byte character cut at the end of the sample pass.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function utf16WithoutBom(sample: Buffer): string | null {
  let evenZeros = 0;
  let oddZeros = 0;
  const n = Math.min(sample.length, 4096) & ~1;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (pairs > 0 && oddZeros / pairs > 0.4 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (pairs > 0 && evenZeros / pairs > 0.4 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

export function detectEncoding(sample: Buffer, complete: boolean): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) {
    if (sample[2] === 0 && sample[3] === 0) {
      throw new SourceFileError('unsupported_encoding', 'The file is encoded in UTF-32, which is not supported. Save it as UTF-8.');
    }
    return { encoding: 'utf-16le', bomLength: 2 };
  }
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };

  const nul = sample.indexOf(0);
  if (nul >= 0) {
    const utf16 = utf16WithoutBom(sample);
    if (utf16) return { encoding: utf16, bomLength: 0 };
    throw new SourceFileError(
      'binary_content',
      `The file contains binary data (a NUL byte at byte ${nul + 1}): it is neither a CSV/TSV text file nor an XLSX workbook.`,
    );
  }
  if (isValidUtf8(sample, complete)) return { encoding: 'utf-8', bomLength: 0 };

  const guesses = chardet.analyse(sample);
  const guess = guesses.slice(0, 3).find((g) => g.confidence >= MIN_CONFIDENCE && SUPPORTED[g.name.toLowerCase()]);
  if (!guess) {
    const named = guesses[0]?.name ? ` (it looks like ${guesses[0].name})` : '';
    throw new SourceFileError(
      'unsupported_encoding',
      `The file is not UTF-8 and its text encoding could not be recognised${named}. Save it as CSV UTF-8 and upload it again.`,
    );
  }
  return { encoding: SUPPORTED[guess.name.toLowerCase()], bomLength: 0 };
}

const UNREADABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFD]/g;

/** Refuses a guess that decodes to control codes: the bytes are not text in that encoding. */
export function assertReadableText(text: string, encoding: string): void {
  const unreadable = text.match(UNREADABLE)?.length ?? 0;
  if (unreadable > Math.max(2, text.length * 0.002)) {
    throw new SourceFileError(
      'invalid_encoding',
      `The file's bytes do not form readable text (${unreadable} unreadable characters in the first ${text.length} read as ${encoding}). Save it as CSV UTF-8 and upload it again.`,
    );
  }
}
