import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
const out = new PassThrough(); let bytes = 0;
out.on('data', (c) => { bytes += c.length; });
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
const sheet = wb.addWorksheet('x');
(async () => {
  for (let i = 0; i < 20000; i++) {
    sheet.addRow([Math.random()+'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' + i, i, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb']).commit();
    if (i % 2000 === 0) {
      await new Promise((r) => setImmediate(r));
      const s: any = (sheet as any).stream;
      console.log(i, 'pipes', s.pipes.length, s.pipes[0]?.constructor?.name, 'bufs', s.buffers.length, 'destLen', s.pipes[0]?._writableState?.length, 'need', s.pipes[0]?._writableState?.needDrain, 'rlen', s.pipes[0]?._readableState?.length, 'out', bytes, 'paused', s.paused);
    }
  }
  sheet.commit(); await wb.commit(); console.log('done', bytes);
})();
