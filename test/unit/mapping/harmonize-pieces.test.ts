import { compileMapping, suggestMapping, type MappingSpecInput } from '../../../server/domain/mapping';
import { profileIdentifiers } from '../../../server/domain/mapping/validate-mapping';
import { profileSource } from '../../../server/domain/profiling';
import type { FilePiece } from '../../../server/domain/source-files/split-piece';
import { CTDC_K_V7 } from '../../../server/domain/standard';
import { PARTNER_PROFILE_NAMES, generatePartnerFile } from '../../../server/domain/synthetic';
import { CopyLines } from '../../../server/services/submissions/copy-lines';
import type { HarmonizePiecesInit, HarmonizedPiece } from '../../../server/services/submissions/harmonize-pieces';
import { OrderedPool } from '../../../server/threads/ordered-pool';
import { open, streamOf } from '../source-files/open-text';
import { readAll } from '../synthetic/read-stream';

/** The suggested mapping with half of each value map left out, so that values go unmapped. */
function halfMapped(spec: MappingSpecInput): MappingSpecInput {
  return {
    ...spec,
    rules: spec.rules.map((rule) => {
      if ((rule.kind !== 'copy' && rule.kind !== 'flags_from_multi_value') || !rule.valueMap) return rule;
      const entries = Object.entries(rule.valueMap);
      return { ...rule, valueMap: Object.fromEntries(entries.slice(0, Math.ceil(entries.length / 2))) };
    }),
  };
}

/** Every row mapped one by one on this thread: what the pieces must add up to. */
async function mappedInOne(file: Buffer, spec: MappingSpecInput) {
  const profile = await profileSource(streamOf(file, 16 * 1024));
  const source = await open(file);
  const compiled = compileMapping(spec, source.header, CTDC_K_V7, { profile });
  const lines = new CopyLines(compiled.columns.length, 'sub', 'partner');
  const values: (string | null)[] = new Array(compiled.columns.length).fill(null);
  for await (const row of source.rows()) {
    compiled.applyInto(row.cells, values);
    lines.add(values);
  }
  return { text: lines.take(), report: compiled.report(), profile };
}

async function mappedInPieces(file: Buffer, spec: MappingSpecInput, threads: number) {
  const profile = await profileSource(streamOf(file, 16 * 1024));
  const source = await open(file);
  const compiled = compileMapping(spec, source.header, CTDC_K_V7, { profile });
  const pool = new OrderedPool<HarmonizePiecesInit, FilePiece, HarmonizedPiece>({
    entry: require.resolve('../../../server/services/submissions/harmonize-pieces'),
    threads,
    init: {
      layout: source.layout, header: source.header, spec, standardId: CTDC_K_V7.id,
      identifierColumns: [...profileIdentifiers(profile).keys()], submissionId: 'sub', partnerId: 'partner',
    },
  });
  const chunks: Buffer[] = [];
  let records = 0;
  try {
    for await (const piece of pool.map(source.pieces(64 * 1024))) {
      chunks.push(Buffer.from(piece.lines));
      records += piece.records;
      compiled.absorb(piece.report);
    }
  } finally {
    await pool.close();
  }
  return { text: Buffer.concat(chunks).toString('utf8'), records, report: compiled.report() };
}

describe('harmonizing in pieces', () => {
  it.each(PARTNER_PROFILE_NAMES)('gives the %s records and report exactly as mapping row by row does', async (name) => {
    const file = await readAll(generatePartnerFile({ profile: name, rows: 3000, seed: 5 }));
    const first = await profileSource(streamOf(file, 16 * 1024));
    const spec = halfMapped(suggestMapping(first, CTDC_K_V7).spec as MappingSpecInput);
    const expected = await mappedInOne(file, spec);
    expect(expected.report.rows).toBe(3000);
    // Something to add up besides rows: unmapped values (the legacy file holds standard codes), problems or fixes.
    const { unmappedColumns, problems, consistency } = expected.report;
    expect(unmappedColumns.length + problems.length + Object.keys(consistency).length).toBeGreaterThan(0);
    if (name !== 'legacy_ctdc') expect(unmappedColumns.some((c) => c.unmapped > 0 && c.examples.length > 0)).toBe(true);
    for (const threads of [0, 2]) {
      const actual = await mappedInPieces(file, spec, threads);
      expect(actual.records).toBe(3000);
      expect(actual.text).toBe(expected.text);
      expect(actual.report).toEqual(expected.report);
    }
  });
});
