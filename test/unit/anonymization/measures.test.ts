import { anonymize, anonymizeAsync, AnonymizationProgress } from '../../../server/domain/anonymization';
import { dataset, GENDER, policy, stableResult, YEARS } from './support';

const columns = ['yearOfRegistration', 'gender'];
const hierarchies = { yearOfRegistration: YEARS, gender: GENDER };
// The hand-computed dataset of search-hand-computed.test.ts, with partners and countries: the
// three records suppression alone would remove belong to partner p2.
const data = dataset(columns, [
  [['2010', 'Female'], 4, { partner: 'p1', country: 'PH' }],
  [['2011', 'Female'], 4, { partner: 'p1', country: 'PH' }],
  [['2012', 'Male'], 5, { partner: 'p1', country: 'PH' }],
  [['2013', 'Male'], 1, { partner: 'p2', country: 'MD' }],
  [['2013', 'Female'], 2, { partner: 'p2', country: 'PH' }],
  [['2012', 'Female'], 4, { partner: 'p1', country: 'PH' }],
]);

describe('measures', () => {
  const result = anonymize(data, policy(columns, hierarchies, { riskThreshold: 0.2 }));
  const m = result.measures;

  it('reports the chosen levels with their maxima', () => {
    expect(m.levels).toEqual([
      { qi: 'yearOfRegistration', level: 1, height: 2 },
      { qi: 'gender', level: 0, height: 1 },
    ]);
    expect(m.found).toBe(true);
    expect(m.policy).toMatchObject({ k: 3, suppressionLimit: 0.1 });
  });

  it('describes the published classes and the prosecutor risk', () => {
    // Classes 8, 6, 6: highest risk 1/6, average 3 classes / 20 records, none above 1/5.
    expect(m.classes).toMatchObject({ count: 3, smallest: 6, largest: 8 });
    expect(m.classes.sizeDistribution.find((b) => b.label === '5-10')).toEqual({ label: '5-10', min: 5, max: 10, classes: 3, records: 20 });
    expect(m.classes.sizeDistribution.map((b) => b.label)).toEqual(['1', '2-4', '5-10', '11-20', '21-50', '51-100', '>100']);
    expect(m.risk).toEqual({ threshold: 0.2, highest: 1 / 6, average: 3 / 20, recordsAboveThresholdShare: 0 });
  });

  it('gives the same figures for suppression alone, for comparison with CTDC', () => {
    const s = m.suppressionOnly;
    expect(s.levels.map((l) => l.level)).toEqual([0, 0]);
    expect(s.records).toEqual({ in: 20, kept: 17, suppressed: 3, suppressedShare: 0.15 });
    expect(s.suppressedByPartner).toEqual([
      { key: 'p1', records: 17, suppressed: 0 },
      { key: 'p2', records: 3, suppressed: 3 },
    ]);
    expect(s.suppressedByCountry).toEqual([
      { key: 'MD', records: 1, suppressed: 1 },
      { key: 'PH', records: 19, suppressed: 2 },
    ]);
    // Kept classes 4, 4, 5, 4: risk 1/4 at worst; sizes 4 (12 records) exceed the 0.2 threshold.
    expect(s.classes).toMatchObject({ count: 4, smallest: 4, largest: 5 });
    expect(s.risk).toEqual({ threshold: 0.2, highest: 0.25, average: 4 / 17, recordsAboveThresholdShare: 12 / 17 });
    expect(s.informationLoss.total).toBeCloseTo(0.15, 12);
  });

  it('names the loss measure and gives it per QI', () => {
    expect(m.informationLoss.measure).toBe('ARX loss');
    expect(m.informationLoss.perQi).toEqual([
      { qi: 'yearOfRegistration', level: 1, height: 2, loss: 0.25 },
      { qi: 'gender', level: 0, height: 1, loss: 0 },
    ]);
  });

  it('counts the search and survives a JSON round trip', () => {
    expect(m.search.nodesTotal).toBe(6);
    expect(m.search.nodesChecked).toBeGreaterThan(0);
    expect(m.search.nodesChecked).toBeLessThanOrEqual(6);
    expect(m.search.distinctCombinations).toBe(6);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('reports progress from grouping to done', () => {
    const events: AnonymizationProgress[] = [];
    anonymize(data, policy(columns, hierarchies), { onProgress: (p) => events.push(p) });
    expect(events[0]).toMatchObject({ step: 'grouping', percent: 0 });
    expect(events.at(-1)).toMatchObject({ step: 'done', percent: 100, nodesTotal: 6 });
    expect(events.some((e) => e.step === 'search')).toBe(true);
    const percents = events.map((e) => e.percent);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
  });

  it('can run asynchronously, giving the event loop turns, with the same result', async () => {
    let turns = 0;
    let running = true;
    const turn = (): void => {
      turns++;
      if (running) setImmediate(turn);
    };
    setImmediate(turn);
    const asyncResult = await anonymizeAsync(data, policy(columns, hierarchies), { yieldEveryMs: 0 });
    running = false;
    expect(turns).toBeGreaterThan(1);
    expect(JSON.stringify(stableResult(asyncResult))).toBe(JSON.stringify(stableResult(anonymize(data, policy(columns, hierarchies)))));
  });
});
