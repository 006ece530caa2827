/**
 * Value distributions of synthetic CTDC-like records for the benchmarks, skewed like CTDC: a few
 * countries hold most cases, recent years dominate, many ages are unknown.
 */
import { AGE_BANDS, buildCountryHierarchy } from '../../server/domain/anonymization/default-hierarchies';

/** Draws from `values` with the given weights. */
export function sampler<T>(values: readonly T[], weights: readonly number[], random: () => number): () => T {
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

/**
 * Samplers of the QI values, all drawing from `random`. Only the country shuffle draws here; each
 * value is drawn when its sampler is called, so the caller's order of calls fixes the records.
 * `missing` is how the caller writes "no information": `''` in an engine dataset, null in
 * standard records. Years run from 2002 to `lastYear`.
 */
export function ctdcSamplers<M extends '' | null>(random: () => number, missing: M, lastYear: number) {
  const countries = buildCountryHierarchy().rows.map((row) => row[0]).filter((code) => code !== '');
  for (let i = countries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [countries[i], countries[j]] = [countries[j], countries[i]];
  }
  const exploitation = sampler(countries.slice(0, 100), zipf(100, 1.8), random);
  const years = Array.from({ length: lastYear - 2001 }, (_, i) => String(2002 + i));
  return {
    year: sampler(years, years.map((_, i) => 1 + i * i), random),
    gender: sampler(['Female', 'Male', 'Transgender/NonConforming', missing], [70, 27, 1, 2], random),
    ageBand: sampler([...AGE_BANDS, missing], [4, 10, 9, 9, 8, 7, 12, 6, 4, 34], random),
    datasource: sampler(['Case Management', 'Hotline', missing], [62, 36, 2], random),
    citizenship: sampler(countries.slice(0, 150), zipf(150, 1.8), random),
    /** Most are exploited in their country of citizenship. */
    countryOfExploitation: (citizen: string): string => (random() < 0.72 ? citizen : exploitation()),
    /** Follows the age band; most records without one say Unknown. */
    majorityStatus: (band: string | M): string | M => {
      if (band === missing) return random() < 0.7 ? 'Unknown' : missing;
      return band === '0--8' || band === '9--17' ? 'Minor' : 'Adult';
    },
  };
}
