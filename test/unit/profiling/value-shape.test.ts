import { HyperLogLog } from '../../../server/domain/profiling/hyperloglog';
import { Shape, Trait, classifyValue } from '../../../server/domain/profiling/value-shape';

describe('classifyValue', () => {
  it.each([
    ['42', Shape.Integer],
    ['-99', Shape.Integer],
    ['3.5', Shape.Decimal],
    ['3,5', Shape.Decimal],
    ['Y', Shape.Boolean],
    ['Non', Shape.Boolean],
    ['FALSE', Shape.Boolean],
    ['2024-02-29', Shape.Date],
    ['29/02/2024', Shape.Date],
    ['2024-02-29T10:00:00Z', Shape.Date],
    ['ana@example.org', Shape.Email],
    ['+33 6 12 34 56 78', Shape.Phone],
    ['(02) 8123 4567', Shape.Phone],
    ['17 ans', Shape.Text],
  ])('%s is %s', (value, shape) => {
    expect(classifyValue(value).shape).toBe(shape);
  });

  it('does not take impossible dates for dates', () => {
    expect(classifyValue('2024/13/40').shape).not.toBe(Shape.Date);
    expect(classifyValue('31/31/2024').shape).not.toBe(Shape.Date);
  });

  it('marks traits used by identifier detection', () => {
    expect(classifyValue('-99').traits & Trait.MissingMarker).toBeTruthy();
    expect(classifyValue('0612345678').traits & Trait.LongDigits).toBeTruthy();
    expect(classifyValue('Maria Santos').traits & Trait.NameLike).toBeTruthy();
    expect(classifyValue('12 rue des Lilas, 75011 Paris').traits & Trait.AddressLike).toBeTruthy();
    expect(classifyValue('AB1234567').traits & Trait.DocumentLike).toBeTruthy();
    expect(classifyValue('HL-2021-0000042').traits & Trait.IdLike).toBeTruthy();
    expect(classifyValue('DebtBondage;Threats').traits & Trait.MultiValue).toBeTruthy();
    expect(classifyValue('Female').traits & Trait.IdLike).toBeFalsy();
  });
});

describe('HyperLogLog', () => {
  it.each([1000, 100_000])('estimates %i distinct values within 5 %%', (n) => {
    const hll = new HyperLogLog();
    for (let i = 0; i < n; i++) {
      hll.add(`value-${i}`);
      hll.add(`value-${i}`);
    }
    expect(Math.abs(hll.estimate() - n) / n).toBeLessThan(0.05);
  });
});
