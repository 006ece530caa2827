import { CTDC_K_V7 } from './ctdc-k-v7';
import type { AgeBand, CodeVariable } from './types';

const CURRENT_BANDS = (CTDC_K_V7.variables.find((v) => v.name === 'ageBroad') as CodeVariable).ageBands!;

/** Oldest age accepted as plausible; anything beyond is a data error, not a person. */
export const MAX_PLAUSIBLE_AGE = 110;

/** The band of an age in whole years (fractions are floored), or null for implausible ages. */
export function deriveAgeBand(age: number, bands: readonly AgeBand[] = CURRENT_BANDS): string | null {
  if (!Number.isFinite(age) || age < 0 || age > MAX_PLAUSIBLE_AGE) return null;
  const years = Math.floor(age);
  for (const band of bands) {
    if (years >= band.min && (band.max === null || years <= band.max)) return band.code;
  }
  return null;
}

const RANGE = /^0*(\d{1,3})\s*(?:-{1,3}|[\u2010-\u2015\u2212]{1,2}|to|a|à|al|até)\s*0*(\d{1,3})$/i;
const OPEN = /^0*(\d{1,3})\s*(?:\+|and over|or more|et plus|ou plus|y más|y mas|ou mais|e mais)$/i;

/**
 * A band written the legacy ways (`9–17`, `9—17`, `09--17`, `9-17`, `48 +`) as the standard's code,
 * or null when it is not one of the bands (never snapped to a neighbouring band).
 */
export function normaliseAgeBand(text: string, bands: readonly AgeBand[] = CURRENT_BANDS): string | null {
  const t = text.trim();
  let m = RANGE.exec(t);
  if (m) {
    const min = Number(m[1]);
    const max = Number(m[2]);
    return bands.find((b) => b.min === min && b.max === max)?.code ?? null;
  }
  m = OPEN.exec(t);
  if (m) {
    const min = Number(m[1]);
    return bands.find((b) => b.min === min && b.max === null)?.code ?? null;
  }
  return null;
}
