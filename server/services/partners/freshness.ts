import type { Cadence } from '../../../db/schema';

export const FRESHNESS = ['up_to_date', 'due', 'overdue', 'delinquent'] as const;
export type Freshness = (typeof FRESHNESS)[number];

export const CADENCE_DAYS: Record<Cadence, number> = { monthly: 30, quarterly: 91, twice_yearly: 182, yearly: 365 };

/**
 * How fresh an active partner's contributions are: due after one cadence without a harmonized
 * submission, overdue after 1.5, delinquent after 2. Counted from activation until the first one.
 */
export function contributionFreshness(
  cadence: Cadence,
  lastContributionAt: Date | null,
  activatedAt: Date | null,
  now = new Date(),
): Freshness | null {
  const since = lastContributionAt ?? activatedAt;
  if (!since) return null;
  const cycles = (now.getTime() - since.getTime()) / (CADENCE_DAYS[cadence] * 86_400_000);
  if (cycles >= 2) return 'delinquent';
  if (cycles >= 1.5) return 'overdue';
  if (cycles >= 1) return 'due';
  return 'up_to_date';
}
