import { openSourceFile } from '../../../server/domain/source-files';
import { generatePartnerFile } from '../../../server/domain/synthetic';

describe('streaming', () => {
  it('reads 100,000 generated rows as they arrive, counting bytes for progress', async () => {
    const file = await openSourceFile(generatePartnerFile({ profile: 'shelter_fr', rows: 100_000, seed: 5 }));
    expect(file).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', headerRow: 1 });
    let rows = 0;
    let last = 0;
    let bytesMidway = 0;
    for await (const row of file.rows()) {
      rows++;
      expect(row.rowNumber).toBeGreaterThan(last);
      last = row.rowNumber;
      if (rows === 50_000) bytesMidway = file.bytesRead();
    }
    expect(rows).toBe(100_000);
    expect(last).toBe(100_002);
    expect(bytesMidway).toBeGreaterThan(0);
    expect(bytesMidway).toBeLessThan(file.bytesRead());
  }, 60_000);

  it('close() stops reading a file that is not read to the end', async () => {
    const input = generatePartnerFile({ profile: 'hotline', rows: 1_000_000, seed: 1 });
    const file = await openSourceFile(input);
    const rows = file.rows();
    await rows.next();
    await rows.return(undefined);
    await file.close();
    expect(input.destroyed).toBe(true);
    expect(file.bytesRead()).toBeLessThan(2 * 1024 * 1024);
  });
});
