import type { ColumnAccumulator } from './column-accumulator';
import type { InferredType } from './types';
import { Shape } from './value-shape';

/**
 * The column's type by majority of its non-missing values (missing markers such as `-99` do not
 * vote), tolerating a few dirty cells so one typo does not turn a number column into text.
 */
export function inferType(acc: ColumnAccumulator): InferredType {
  if (acc.nonEmpty === 0) return 'empty';
  const n = acc.nonEmpty - acc.missingMarkers;
  if (n === 0) return 'code';
  const integers = acc.shapes[Shape.Integer];
  const booleans = acc.shapes[Shape.Boolean] + (acc.zeroOrOne === integers ? integers : 0);
  if (booleans / n >= 0.95 && acc.distinctCount <= 12) return 'boolean';
  if (integers / n >= 0.95) return 'integer';
  if ((integers + acc.shapes[Shape.Decimal]) / n >= 0.95) return 'decimal';
  if (acc.shapes[Shape.Date] / n >= 0.9) return 'date';
  const repeated = acc.distinctCount <= 20 || acc.distinctCount <= acc.nonEmpty * 0.1;
  return !acc.capped && repeated ? 'code' : 'text';
}
