import { HyperLogLog } from './hyperloglog';
import { SHAPE_COUNT, Shape, TRAIT_BITS, Trait, type ValueShape, classifyValue } from './value-shape';

interface Entry {
  count: number;
  shape: ValueShape;
}

const TOKEN_CAP = 200;
// Module-local copies: imported bindings are getters once compiled to CommonJS, and these are
// read for every cell.
const INTEGER = Shape.Integer;
const MISSING_MARKER = Trait.MissingMarker;
const MULTI_VALUE = Trait.MultiValue;
const BITS: readonly number[] = [...TRAIT_BITS];

/**
 * Everything profiling learns about one column in a single pass, in memory bounded by the
 * distinct-value cap. Values are kept here only until the column is judged: identifier columns
 * leave nothing but counts and lengths in the profile.
 */
export class ColumnAccumulator {
  nonEmpty = 0;
  empty = 0;
  missingMarkers = 0;
  capped = false;
  readonly shapes = new Int32Array(SHAPE_COUNT);
  /** Occurrences per trait bit, indexed by bit position. */
  readonly traits = new Int32Array(TRAIT_BITS.length);
  wordSum = 0;
  minLength = Number.POSITIVE_INFINITY;
  maxLength = 0;
  lengthSum = 0;
  /** Integers seen, for "years where ages were expected"-type checks. */
  integerSum = 0;
  integerCount = 0;
  zeroOrOne = 0;
  /** Distinct parts of multi-value cells (`a;b|c`), to tell a coded list from prose. */
  readonly tokens = new Set<string>();
  tokensCapped = false;
  private readonly values = new Map<string, Entry>();
  private hll: HyperLogLog | null = null;

  constructor(private readonly cap: number) {}

  add(raw: string): void {
    const value = raw.trim();
    if (value === '') {
      this.empty++;
      return;
    }
    this.nonEmpty++;
    const length = value.length;
    if (length < this.minLength) this.minLength = length;
    if (length > this.maxLength) this.maxLength = length;
    this.lengthSum += length;
    let entry = this.values.get(value);
    if (entry) {
      entry.count++;
    } else {
      entry = { count: 1, shape: classifyValue(value) };
      if (this.values.size < this.cap) {
        this.values.set(value, entry);
        this.hll?.add(value);
      } else {
        this.overflow(value);
      }
      if (!this.tokensCapped && entry.shape.traits & MULTI_VALUE) this.addTokens(value);
    }
    this.count(entry.shape, value);
  }

  private count(shape: ValueShape, value: string): void {
    const { traits } = shape;
    if (traits & MISSING_MARKER) {
      this.missingMarkers++;
      return;
    }
    this.shapes[shape.shape]++;
    this.wordSum += shape.words;
    if (traits !== 0) {
      for (let bit = 0; bit < BITS.length; bit++) if (traits & BITS[bit]) this.traits[bit]++;
    }
    if (shape.shape === INTEGER && value.length <= 6) {
      const n = Number(value);
      this.integerSum += n;
      this.integerCount++;
      if (n === 0 || n === 1) this.zeroOrOne++;
    }
  }

  private overflow(value: string): void {
    if (!this.hll) {
      this.capped = true;
      this.hll = new HyperLogLog();
      for (const key of this.values.keys()) this.hll.add(key);
    }
    this.hll.add(value);
  }

  private addTokens(value: string): void {
    for (const part of value.split(/[;|,/+]/)) {
      const token = part.trim().toLowerCase();
      if (token) this.tokens.add(token);
    }
    if (this.tokens.size > TOKEN_CAP) this.tokensCapped = true;
  }

  traitCount(trait: number): number {
    return this.traits[TRAIT_BITS.indexOf(trait as (typeof TRAIT_BITS)[number])];
  }

  /** Exact below the cap, estimated above it. */
  get distinctCount(): number {
    return this.hll ? Math.min(this.nonEmpty, Math.max(this.values.size, this.hll.estimate())) : this.values.size;
  }

  /** Most frequent first, ties in value order. */
  topValues(): { value: string; count: number }[] {
    return [...this.values]
      .map(([value, { count }]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
}
