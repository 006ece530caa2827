import fc from 'fast-check';
import { CsvSplitter, type RawRecord } from '../../../server/domain/source-files/csv-splitter';
import { RecordPieces, type TextPiece } from '../../../server/domain/source-files/record-pieces';

const MAX = 1024 * 1024;

function whole(text: string, delimiter: string): RawRecord[] {
  const splitter = new CsvSplitter(delimiter, MAX);
  return [...splitter.push(text), ...splitter.end()];
}

function cutIntoPieces(text: string, delimiter: string, cuts: number[], pieceChars: number): TextPiece[] {
  const pieces = new RecordPieces(delimiter, { maxRecordChars: MAX, pieceChars });
  const out: TextPiece[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length].map((c) => Math.min(c, text.length)).sort((a, b) => a - b)) {
    const piece = pieces.push(text.slice(from, cut));
    if (piece) out.push(piece);
    from = cut;
  }
  out.push(pieces.end());
  return out;
}

/** Each piece split on its own, as a thread would. */
function splitPieces(pieces: TextPiece[], delimiter: string): RawRecord[] {
  return pieces.flatMap((piece) => {
    const splitter = new CsvSplitter(delimiter, MAX, piece.firstLine);
    return [...splitter.push(piece.text), ...splitter.end()];
  });
}

// Quotes anywhere (opening cells, inside unquoted cells, escaped), all three line breaks, both separators.
const fragment = fc.constantFrom('a', 'é', ' ', ',', ';', '"', '""', '\n', '\r\n', '\r', 'x"y', '1', '"q,\n"');

describe('RecordPieces', () => {
  it('cuts text into pieces that split, each on its own, into exactly the records and row numbers of one splitter', () => {
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 80 }),
        fc.constantFrom(',', ';'),
        fc.array(fc.nat(400), { maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        (parts, delimiter, cuts, pieceChars) => {
          const text = parts.join('');
          let expected: RawRecord[] | Error;
          try {
            expected = whole(text, delimiter);
          } catch (err) {
            expected = err as Error;
          }
          const pieces = cutIntoPieces(text, delimiter, cuts, pieceChars);
          expect(pieces.map((p) => p.text).join('')).toBe(text);
          if (expected instanceof Error) {
            expect(() => splitPieces(pieces, delimiter)).toThrow(expected.message);
          } else {
            expect(splitPieces(pieces, delimiter)).toEqual(expected);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('only ever cuts after a line break outside quotes', () => {
    const pieces = cutIntoPieces('id,note\n1,"a\nb"\n2,5" tall\r\n3,x\r4,y', ',', [3, 9, 14, 22, 30], 1);
    expect(pieces.map((p) => [p.text, p.firstLine, p.final])).toEqual([
      ['id,note\n', 1, false],
      ['1,"a\nb"\n', 2, false],
      ['2,5" tall\r\n', 4, false],
      ['3,x\r', 5, false],
      ['4,y', 6, true],
    ]);
  });

  it('refuses a record longer than the limit, naming the row it starts on', () => {
    const pieces = new RecordPieces(',', { maxRecordChars: 20, pieceChars: 8 });
    expect(pieces.push('a,b\n')).toBeNull();
    expect(pieces.push('c,d\n"never closed')?.text).toBe('a,b\nc,d\n');
    expect(() => pieces.push(', and on and on and on')).toThrow('Row 3 is longer than');
  });
});
