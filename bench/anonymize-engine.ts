/**
 * Benchmark of the anonymization engine on synthetic CTDC-like records (privacy.md "Speed").
 * Run: npx tsx bench/anonymize-engine.ts [records…]   (default: 1000000 100000)
 */
import { anonymize } from '../server/domain/anonymization/anonymize';
import { Dataset, DatasetBuilder } from '../server/domain/anonymization/dataset';
import { DEFAULT_QIS } from '../server/domain/anonymization/default-hierarchies';
import { defaultPolicy } from '../server/domain/anonymization/policy';
import { ctdcSamplers, sampler } from './support/ctdc-records';
import { mulberry32 } from './support/seeded-random';

/** CTDC-like QI values of `records` records under eight partners of unequal size. */
export function syntheticCtdcDataset(records: number, seed = 7): Dataset {
  const random = mulberry32(seed);
  const draw = ctdcSamplers(random, '', 2023);
  const partner = sampler(['p01', 'p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08'], [40, 20, 12, 10, 8, 5, 3, 2], random);
  const builder = new DatasetBuilder({ columns: DEFAULT_QIS });
  for (let i = 0; i < records; i++) {
    const band = draw.ageBand();
    const majority = draw.majorityStatus(band);
    const citizen = draw.citizenship();
    const exploited = draw.countryOfExploitation(citizen);
    builder.add([draw.year(), draw.gender(), band, majority, citizen, exploited, draw.datasource()], partner());
  }
  return builder.build();
}

function run(records: number): void {
  const buildStart = performance.now();
  const dataset = syntheticCtdcDataset(records);
  const buildMs = performance.now() - buildStart;
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
  const cpuBefore = process.cpuUsage();
  const result = anonymize(dataset, defaultPolicy({ from: 2002, to: 2023 }));
  const cpu = process.cpuUsage(cpuBefore);
  const m = result.measures;
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  console.log(`\n${records.toLocaleString('en')} records (generated in ${buildMs.toFixed(0)} ms)`);
  console.log(`  distinct QI combinations ${m.search.distinctCombinations.toLocaleString('en')}`);
  console.log(`  grouping ${m.timing.groupingMs} ms, search ${m.timing.searchMs} ms, output+measures ${m.timing.outputMs} ms, total ${m.timing.totalMs} ms`);
  console.log(`  CPU time of the whole anonymize() call ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
  console.log(`  nodes checked ${m.search.nodesChecked}/${m.search.nodesTotal} (${m.search.nodesRolledUp} by rollup)`);
  console.log(`  levels ${m.levels.map((l) => `${l.qi}=${l.level}`).join(' ')}`);
  console.log(`  suppressed ${m.records.suppressed.toLocaleString('en')} (${(m.records.suppressedShare * 100).toFixed(2)} %), classes ${m.classes.count}, smallest ${m.classes.smallest}, ARX loss ${m.informationLoss.total.toFixed(4)}`);
  console.log(`  suppression alone at k=${m.policy.k}: suppressed ${(m.suppressionOnly.records.suppressedShare * 100).toFixed(1)} %, loss ${m.suppressionOnly.informationLoss.total.toFixed(4)}`);
  const memory = process.memoryUsage();
  console.log(`  RSS ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}, array buffers ${mb(memory.arrayBuffers)}`);
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const size of sizes.length ? sizes : [1_000_000, 100_000]) run(size);
  console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
