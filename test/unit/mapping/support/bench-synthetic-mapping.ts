/**
 * Times the compiled mapping on the synthetic generator's files:
 * `npx tsx test/unit/mapping/support/bench-synthetic-mapping.ts [profile] [rows]`.
 * The mapping is the one suggested from a profile of the file's first rows; rows are generated in
 * batches beforehand so only mapping time is measured.
 */
import { compileMapping, suggestMapping } from '../../../../server/domain/mapping';
import { getStandard } from '../../../../server/domain/standard';
import { getPartnerProfile, partnerRows, type PartnerProfileName } from '../../../../server/domain/synthetic';
import { profileRows } from './profile-rows';

const name = (process.argv[2] ?? 'hotline') as PartnerProfileName;
const total = Number(process.argv[3] ?? 1_000_000);
const partner = getPartnerProfile(name);
const standard = getStandard();
const identifiers = Object.fromEntries(partner.identifiers.map((i) => [i.column, i.kind]));
const sample = [...partnerRows(partner, 5000, 'bench-sample')];
const profile = profileRows(partner.columns, sample, identifiers);
const mapping = compileMapping(suggestMapping(profile, standard).spec, partner.columns, standard, { profile });

const batch = 100_000;
const values: (string | null)[] = [];
let cpu = 0;
let wall = 0;
const rows = partnerRows(partner, total, 'bench');
for (let done = 0; done < total; done += batch) {
  // Rows go through a CSV-like join/split so cells are fresh strings, as a parser hands them over.
  const chunk: string[][] = [];
  for (let i = 0; i < batch && done + i < total; i++) chunk.push((rows.next().value as string[]).join('\u0001').split('\u0001'));
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (const row of chunk) mapping.applyInto(row, values);
  const used = process.cpuUsage(cpuStart);
  cpu += (used.user + used.system) / 1000;
  wall += Number(process.hrtime.bigint() - start) / 1e6;
}
const report = mapping.report();
console.log(JSON.stringify({
  profile: name,
  rows: report.rows,
  sourceColumns: partner.columns.length,
  mappingWallMs: Math.round(wall),
  mappingCpuMs: Math.round(cpu),
  unmappedCells: report.unmappedColumns.reduce((n, c) => n + c.unmapped, 0),
}));
