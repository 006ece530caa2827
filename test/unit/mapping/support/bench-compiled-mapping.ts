/**
 * Times the compiled mapping: `npx tsx test/unit/mapping/support/bench-compiled-mapping.ts [rows] [into]`.
 * Rows are split from CSV text beforehand (fresh strings, as a parser hands them over); the timing
 * covers mapping only. 100,000 distinct rows are cycled to reach the requested count.
 */
import { compileMapping } from '../../../../server/domain/mapping';
import { getStandard } from '../../../../server/domain/standard';
import { BENCH_HEADER, BENCH_SPEC, benchLines } from './bench-rows';

const total = Number(process.argv[2] ?? 1_000_000);
const reuse = process.argv[3] === 'into';
const buffer: (string | null)[] = [];
const distinct = Math.min(total, 100_000);
const mapping = compileMapping(BENCH_SPEC, BENCH_HEADER, getStandard());
let elapsed = 0;
let cpu = 0;
let done = 0;
while (done < total) {
  const rows = benchLines(distinct, done + 1).map((l) => l.split(','));
  const n = Math.min(rows.length, total - done);
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  if (reuse) for (let i = 0; i < n; i++) mapping.applyInto(rows[i], buffer);
  else for (let i = 0; i < n; i++) mapping.apply(rows[i]);
  elapsed += Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpuStart);
  cpu += (used.user + used.system) / 1000;
  done += n;
}
const report = mapping.report();
console.log(
  JSON.stringify({
    rows: report.rows,
    variant: reuse ? 'applyInto' : 'apply',
    sourceColumns: BENCH_HEADER.length,
    mappingMs: Math.round(elapsed),
    cpuMs: Math.round(cpu),
    rowsPerSecond: Math.round(report.rows / (elapsed / 1000)),
    unmapped: report.unmappedColumns.map((c) => [c.column, c.unmapped]),
  }),
);
