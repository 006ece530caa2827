/**
 * Writes a synthetic partner file.
 *   npx tsx scripts/generate.ts --profile hotline --rows 1000000 --seed 42 --out /tmp/hotline.csv [--format csv|xlsx]
 */
import { parseArgs } from 'node:util';
import { PARTNER_PROFILE_NAMES, writePartnerFile, type PartnerProfileName } from '../server/domain/synthetic';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string' },
      rows: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      format: { type: 'string', default: 'csv' },
    },
  });
  const profile = values.profile as PartnerProfileName | undefined;
  if (!profile || !PARTNER_PROFILE_NAMES.includes(profile) || !values.out) {
    console.error(`usage: generate --profile ${PARTNER_PROFILE_NAMES.join('|')} --rows N --seed S --out FILE [--format csv|xlsx]`);
    process.exit(2);
  }
  const format = values.format === 'xlsx' ? 'xlsx' : 'csv';
  const rows = Number(values.rows);
  const started = Date.now();
  const { bytes } = await writePartnerFile(values.out, { profile, rows, seed: values.seed ?? '1', format });
  const seconds = (Date.now() - started) / 1000;
  console.log(`${profile}: ${rows} rows, ${bytes} bytes, ${format} → ${values.out} in ${seconds.toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
