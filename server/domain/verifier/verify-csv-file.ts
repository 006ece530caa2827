import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { ReleaseVerifier, VerificationOptions, VerificationReport } from './release-verifier';

/**
 * Streams a published CSV (header row, comma-separated, UTF-8) through the verifier, so a release
 * of a million rows is checked without loading it whole. `expectedRows` is the manifest's count.
 */
export async function verifyCsvFile(path: string, options: VerificationOptions & { delimiter?: string }): Promise<VerificationReport> {
  const verifier = new ReleaseVerifier(options);
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      delimiter: options.delimiter ?? ',',
      skip_empty_lines: true,
      // Seen even when the file has a header and no rows.
      columns: (header: string[]) => {
        verifier.checkColumns(header);
        return header;
      },
    }),
  );
  for await (const row of parser as AsyncIterable<Record<string, string>>) verifier.addRow(row);
  return verifier.finish();
}
