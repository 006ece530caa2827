/**
 * Benchmark of the anonymization engine on synthetic CTDC-like records (privacy.md "Speed").
 * Run: npx tsx bench/anonymize-engine.ts [records…]   (default: 1000000 100000)
 */
import { anonymize } from '../server/domain/anonymization/anonymize';
import { Dataset, DatasetBuilder } from '../server/domain/anonymization/dataset';
import { AGE_BANDS, buildCountryHierarchy, DEFAULT_QIS } from '../server/domain/anonymization/default-hierarchies';
import { defaultPolicy } from '../server/domain/anonymization/policy';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from `values` with the given weights. */
function sampler<T>(values: readonly T[], weights: readonly number[], random: () => number): () => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo];
  };
}

const zipf = (n: number, s: number): number[] => Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));

/** Skewed like CTDC: a few countries hold most cases, recent years dominate, many ages unknown. */
export function syntheticCtdcDataset(records: number, seed = 7): Dataset {
  const random = mulberry32(seed);
  const countries = buildCountryHierarchy().rows.map((row) => row[0]).filter((code) => code !== '');
  for (let i = countries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [countries[i], countries[j]] = [countries[j], countries[i]];
  }
  const citizenship = sampler(countries.slice(0, 150), zipf(150, 1.8), random);
  const exploitation = sampler(countries.slice(0, 100), zipf(100, 1.8), random);
  const years = Array.from({ length: 22 }, (_, i) => String(2002 + i));
  const year = sampler(years, years.map((_, i) => 1 + i * i), random);
  const gender = sampler(['Female', 'Male', 'Transgender/NonConforming', ''], [70, 27, 1, 2], random);
  const age = sampler([...AGE_BANDS, ''], [4, 10, 9, 9, 8, 7, 12, 6, 4, 34], random);
  const source = sampler(['Case Management', 'Hotline', ''], [62, 36, 2], random);
  const partner = sampler(['p01', 'p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08'], [40, 20, 12, 10, 8, 5, 3, 2], random);
  const builder = new DatasetBuilder({ columns: DEFAULT_QIS });
  for (let i = 0; i < records; i++) {
    const band = age();
    const minor = band === '0--8' || band === '9--17';
    const majority = band === '' ? (random() < 0.7 ? 'Unknown' : '') : minor ? 'Minor' : 'Adult';
    const citizen = citizenship();
    const exploited = random() < 0.72 ? citizen : exploitation();
    builder.add([year(), gender(), band, majority, citizen, exploited, source()], partner());
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
