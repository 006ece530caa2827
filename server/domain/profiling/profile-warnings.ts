import type { ColumnAccumulator } from './column-accumulator';
import type { ColumnShares } from './detect-identifier';
import type { HeaderHint } from './header-hints';
import type { ColumnProfile } from './types';
import { Shape } from './value-shape';

/**
 * Problems a steward should see before mapping, stated with the column, never with values.
 * "Where" is the column: row-level problems are the harmonization report's job.
 */
export function columnWarnings(
  column: ColumnProfile,
  acc: ColumnAccumulator,
  hints: ReadonlySet<HeaderHint>,
  shares: ColumnShares,
): string[] {
  const where = `Column ${column.index + 1} ('${column.name}')`;
  const warnings: string[] = [];
  const percent = (share: number): string => `${Math.round(share * 100)} %`;
  if (hints.has('age') && shares.date >= 0.5) {
    warnings.push(`${where} should hold ages but ${percent(shares.date)} of its values are full dates: birth dates? An age band can be derived from them with a registration date; the dates themselves are not kept.`);
  }
  if (hints.has('age') && acc.integerCount > 0 && acc.integerSum / acc.integerCount > 1900) {
    warnings.push(`${where} should hold ages but its numbers look like years (birth years?).`);
  }
  if (hints.has('age') && !hints.has('birth') && acc.integerCount > 0) {
    const n = acc.nonEmpty - acc.missingMarkers;
    const nonNumeric = n - acc.shapes[Shape.Integer] - acc.shapes[Shape.Decimal] - acc.shapes[Shape.Date];
    if (nonNumeric > 0 && nonNumeric / n >= 0.05 && column.inferredType !== 'code') {
      warnings.push(`${where} should hold ages but ${percent(nonNumeric / n)} of its values are not numbers.`);
    }
  }
  if (hints.has('year') && !hints.has('date') && acc.integerCount > 0) {
    const n = acc.nonEmpty - acc.missingMarkers;
    const notYears = n - acc.shapes[Shape.Integer];
    if (notYears > 0) warnings.push(`${where} should hold years but ${percent(notYears / n)} of its values are not whole numbers.`);
    else if (acc.integerSum / acc.integerCount < 1900) warnings.push(`${where} should hold years but its numbers are too small to be years.`);
  }
  if (column.nonEmpty === 0) warnings.push(`${where} is empty in every row.`);
  return warnings;
}
