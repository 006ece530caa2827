import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generatePartnerFile, partnerRows, PARTNER_PROFILES } from '../../../server/domain/synthetic';
import { createRng, zipfPicker } from '../../../server/domain/synthetic/prng';

describe('realistic skew', () => {
  it('a few citizenships hold most cases (Zipf), and the long tail is present', () => {
    const profile = PARTNER_PROFILES.legacy_ctdc;
    const column = profile.columns.indexOf('citizenship');
    const counts = new Map<string, number>();
    let total = 0;
    for (const row of partnerRows(profile, 20_000, 11)) {
      const code = row[column];
      if (code.length !== 2 || code === '00' || code === 'ZZ') continue;
      counts.set(code, (counts.get(code) ?? 0) + 1);
      total++;
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const top3 = sorted.slice(0, 3).reduce((a, b) => a + b, 0);
    expect(top3 / total).toBeGreaterThan(0.4);
    expect(counts.size).toBeGreaterThan(30);
    expect(sorted[sorted.length - 1] / total).toBeLessThan(0.01);
  });

  it('the seeded generator is uniform enough and reproducible', () => {
    const a = createRng(5);
    const b = createRng(5);
    const draws = Array.from({ length: 10_000 }, () => a.next());
    expect(draws.every((x) => x === b.next())).toBe(true);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    const picker = zipfPicker(['a', 'b', 'c', 'd'], 1);
    const rng = createRng('z');
    const hits = { a: 0, b: 0, c: 0, d: 0 } as Record<string, number>;
    for (let i = 0; i < 20_000; i++) hits[picker.pick(rng)]++;
    // Weights 1, 1/2, 1/3, 1/4.
    expect(hits.a / hits.b).toBeCloseTo(2, 0);
    expect(hits.a / hits.d).toBeCloseTo(4, 0);
  });
});

describe('streaming', () => {
  it('streams 100,000 hotline rows to a slow consumer without building the file in memory', async () => {
    let lines = 0;
    let chunks = 0;
    const sink = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
        // Yield now and then, so the producer must wait for the consumer.
        if (++chunks % 50 === 0) setImmediate(done);
        else done();
      },
    });
    await pipeline(generatePartnerFile({ profile: 'hotline', rows: 100_000, seed: 1 }), sink);
    expect(lines).toBe(100_001);
  }, 60_000);
});
