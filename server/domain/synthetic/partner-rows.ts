import { drawCaseFacts } from './case-facts';
import { createRng } from './prng';
import type { PartnerProfile } from './types';

/** The data rows of a synthetic file (no header), drawn lazily: one row in memory at a time. */
export function* partnerRows(profile: PartnerProfile, rows: number, seed: number | string): Generator<string[]> {
  const rng = createRng(`${profile.name}:${seed}`);
  for (let i = 0; i < rows; i++) {
    yield profile.renderRow(drawCaseFacts(rng), rng, i);
  }
}
