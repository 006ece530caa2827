import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';
import { SourceFileError } from './source-file-error';

/** Offset of the first byte that breaks UTF-8 (only called once decoding has failed). */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Length of a multi-byte character cut at the end of a chunk (0 when the chunk ends cleanly). */
function incompleteTail(chunk: Buffer): number {
  for (let k = 1; k <= Math.min(3, chunk.length); k++) {
    const b = chunk[chunk.length - k];
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return 0;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return needed > k ? k : 0;
  }
  return 0;
}

function countNewlines(bytes: Buffer, end = bytes.length): number {
  let lines = 0;
  for (let at = bytes.indexOf(10); at >= 0 && at < end; at = bytes.indexOf(10, at + 1)) lines++;
  return lines;
}

/**
 * Decodes byte chunks into text, dropping a byte order mark. UTF-8 is decoded strictly: an invalid
 * byte is an error naming its line, never a silent replacement character. One exception: when
 * everything before it was plain ASCII (so the encoding could not be told from the sample), the
 * file is Windows-1252 with its first accents late, and is read on as such (`onSwitch` is told).
 */
export async function* decodeText(
  chunks: AsyncIterable<Buffer>,
  encoding: string,
  onSwitch?: (encoding: string, row: number) => void,
): AsyncGenerator<string> {
  let line = 1;
  let tail: Buffer = Buffer.alloc(0);
  let utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : null;
  let other = utf8 ? null : iconv.getDecoder(encoding);
  let asciiSoFar = utf8 !== null;
  for await (const chunk of chunks) {
    let text: string;
    if (utf8) {
      try {
        text = utf8.decode(chunk, { stream: true });
      } catch {
        const bytes = Buffer.concat([tail, chunk]);
        const row = line + countNewlines(bytes, firstInvalidUtf8(bytes));
        if (asciiSoFar) {
          utf8 = null;
          other = iconv.getDecoder('windows-1252');
          onSwitch?.('windows-1252', row);
          text = other.write(chunk);
        } else {
          throw new SourceFileError(
            'invalid_encoding',
            `Row ${row} contains bytes that are not valid UTF-8: the file mixes encodings or is damaged. Save it again as CSV UTF-8.`,
            row,
          );
        }
      }
      if (utf8) {
        if (asciiSoFar && !isAscii(chunk)) asciiSoFar = false;
        line += countNewlines(chunk);
        tail = chunk.subarray(chunk.length - incompleteTail(chunk));
      }
    } else {
      text = (other as iconv.DecoderStream).write(chunk);
    }
    if (text.includes('\0')) {
      throw new SourceFileError('binary_content', 'The file contains binary data (NUL characters): it is not a text file.');
    }
    if (text.length > 0) yield text;
  }
  let rest: string;
  try {
    rest = utf8 ? utf8.decode() : ((other as iconv.DecoderStream).end() ?? '');
  } catch {
    throw new SourceFileError('invalid_encoding', `Row ${line} ends the file in the middle of a UTF-8 character: the file is truncated or damaged.`, line);
  }
  if (rest) yield rest;
}
