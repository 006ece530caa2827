import fc from 'fast-check';
import { anonymize, buildAgeHierarchy, buildCountryHierarchy, DatasetBuilder, Hierarchy } from '../../../server/domain/anonymization';
import { verifyRows } from '../../../server/domain/verifier';
import { bruteForce, GENDER, stableResult, YEARS } from './support';

const QI_POOL: { name: string; hierarchy: Hierarchy; values: string[] }[] = [
  { name: 'yearOfRegistration', hierarchy: YEARS, values: ['2010', '2011', '2012', '2013', ''] },
  { name: 'gender', hierarchy: GENDER, values: ['Female', 'Male', ''] },
  { name: 'ageBroad', hierarchy: buildAgeHierarchy(), values: ['0--8', '9--17', '18--20', '30--38', '48+', ''] },
  { name: 'citizenship', hierarchy: buildCountryHierarchy(), values: ['PH', 'VN', 'MD', 'UA', 'NA', ''] },
];

const scenario = fc
  .record({
    qis: fc.subarray([0, 1, 2, 3], { minLength: 1, maxLength: 3 }),
    rows: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5), fc.nat(5), fc.constantFrom('0', '1', '')), { maxLength: 70 }),
    k: fc.integer({ min: 2, max: 5 }),
    suppressionLimit: fc.constantFrom(0, 0.05, 0.1, 0.25),
    l: fc.option(fc.constant(2), { nil: undefined }),
  })
  .map(({ qis, rows, k, suppressionLimit, l }) => {
    const records = rows.map((row) => ({
      values: qis.map((i) => QI_POOL[i].values[(row[i] as number) % QI_POOL[i].values.length]),
      sensitive: row[4],
    }));
    // Pool indices rather than hierarchies, so a counterexample prints small.
    return { qis, records, k, suppressionLimit, l };
  });

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T & { chosen: typeof QI_POOL } : never;

const withQis = (s: Omit<Scenario, 'chosen'>): Scenario => ({ ...s, chosen: s.qis.map((i) => QI_POOL[i]) });

function run(s: Scenario) {
  const builder = new DatasetBuilder({ columns: s.chosen.map((qi) => qi.name), sensitive: 'isForcedLabour' });
  s.records.forEach((record, i) => builder.add(record.values, `p${i % 3}`, record.sensitive));
  return anonymize(builder.build(), {
    qis: s.chosen.map((qi) => qi.name),
    hierarchies: Object.fromEntries(s.chosen.map((qi) => [qi.name, qi.hierarchy])),
    maxLevels: {},
    k: s.k,
    suppressionLimit: s.suppressionLimit,
    lDiversity: s.l ? { variable: 'isForcedLabour', l: s.l } : undefined,
  });
}

describe('search properties on random small data', () => {
  it('chooses a node of least loss, the same as a brute-force search over every node', () => {
    fc.assert(
      fc.property(scenario, (generated) => {
        const s = withQis(generated);
        const result = run(s);
        const reference = bruteForce(s.records, s.chosen.map((qi) => qi.hierarchy), s.k, s.suppressionLimit, s.l);
        expect(result.found).toBe(reference.best !== null);
        if (!reference.best) return;
        const levels = s.chosen.map((qi) => result.levels![qi.name]);
        const same = reference.anonymous.find((node) => node.levels.join() === levels.join());
        expect(same).toBeDefined();
        expect(same!.loss).toBeCloseTo(reference.best.loss, 9);
        expect(result.measures.informationLoss.total).toBeCloseTo(reference.best.loss, 9);
        expect(result.measures.records.suppressed).toBe(same!.suppressed);
      }),
      { numRuns: 250 },
    );
  });

  it('publishes only data that passes the independent verifier, within the suppression limit', () => {
    fc.assert(
      fc.property(scenario, (generated) => {
        const s = withQis(generated);
        const result = run(s);
        const n = s.records.length;
        expect(result.measures.records.suppressed).toBeLessThanOrEqual(result.found ? Math.floor(s.suppressionLimit * n + 1e-9) : n);
        const rows: Record<string, string>[] = [];
        for (const { index, labels } of result.output.rows()) {
          if (labels) rows.push({ ...Object.fromEntries(result.qis.map((qi, q) => [qi, labels[q]])), isForcedLabour: s.records[index].sensitive });
        }
        const report = verifyRows(rows, {
          qis: result.qis,
          k: s.k,
          lDiversity: s.l ? { variable: 'isForcedLabour', l: s.l } : undefined,
          expectedRows: result.measures.records.kept,
        });
        expect(report.violations).toEqual([]);
        expect(report.ok).toBe(true);
        expect(report.classes).toBe(result.measures.classes.count);
        expect(report.smallestClass).toBe(result.measures.classes.smallest);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same input and policy give the same output', () => {
    fc.assert(
      fc.property(scenario, (generated) => {
        const s = withQis(generated);
        expect(JSON.stringify(stableResult(run(s)))).toBe(JSON.stringify(stableResult(run(s))));
      }),
      { numRuns: 50 },
    );
  });
});
