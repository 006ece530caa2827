import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench`: every benchmark, one process each (so one's memory does not inflate another's
 * peak), in the order of the pipeline. Figures are printed; BENCHMARKS.md records them with the
 * machine and date. `npm run bench -- harmonize api` runs a subset.
 */
const ALL = ['anonymize-engine', 'harmonize', 'anonymize', 'publish', 'api'];
// Names pick benchmarks; options with their values (`--seconds 5`) and bare numbers (sizes) go to each.
const args = process.argv.slice(2);
const isName = (a: string, i: number) => !a.startsWith('-') && !/^[\d.]+$/.test(a) && !args[i - 1]?.startsWith('--');
const wanted = args.filter(isName);
const passthrough = args.filter((a, i) => !isName(a, i));
let failed = 0;
for (const name of wanted.length ? wanted : ALL) {
  const file = path.join(__dirname, `${name}.ts`);
  if (!fs.existsSync(file)) {
    console.log(`\n== ${name}: no such benchmark`);
    failed++;
    continue;
  }
  console.log(`\n== ${name}`);
  const res = spawnSync('npx', ['tsx', file, ...passthrough], { stdio: 'inherit', env: { ...process.env, LOG_LEVEL: 'warn' } });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
