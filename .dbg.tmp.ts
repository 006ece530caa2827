import { generatePartnerFile } from './server/domain/synthetic';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
(async () => {
  let bytes = 0; let i = 0;
  const sink = new Writable({ write(c, _e, cb) { bytes += c.length; if (++i % 1000 === 0) console.log((bytes>>20)+'MB out', 'heap', process.memoryUsage().heapUsed>>20, 'rss', process.memoryUsage().rss>>20, 'ext', process.memoryUsage().external>>20, 'ab', process.memoryUsage().arrayBuffers>>20); cb(); } });
  await pipeline(generatePartnerFile({ profile: 'htcds', rows: 400000, seed: 1, format: 'xlsx' }), sink);
})();
