import { CTDC_K_V7 } from './ctdc-k-v7';
import type { StandardDefinition } from './types';

/** Every standard the pipeline knows; a new version is one more entry, older ones stay readable. */
const STANDARDS: ReadonlyMap<string, StandardDefinition> = new Map([[CTDC_K_V7.id, CTDC_K_V7]]);

export const CURRENT_STANDARD_ID = CTDC_K_V7.id;

export class UnknownStandardError extends Error {
  constructor(readonly standardId: string) {
    super(`Unknown publication standard "${standardId}"`);
    this.name = 'UnknownStandardError';
  }
}

export function getStandard(id: string = CURRENT_STANDARD_ID): StandardDefinition {
  const standard = STANDARDS.get(id);
  if (!standard) throw new UnknownStandardError(id);
  return standard;
}

export function listStandardIds(): string[] {
  return [...STANDARDS.keys()];
}
