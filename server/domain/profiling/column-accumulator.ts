import { addFirstKept } from '../first-kept';
import { HyperLogLog } from './hyperloglog';
import { SHAPE_COUNT, Shape, TRAIT_BITS, Trait, type ValueShape, classifyValue } from './value-shape';

const TOKEN_CAP = 200;
// Module-local copies: imported bindings are getters once compiled to CommonJS, and these are
// read for every cell.
const INTEGER = Shape.Integer;
const MISSING_MARKER = Trait.MissingMarker;
const MULTI_VALUE = Trait.MultiValue;
const BITS: readonly number[] = [...TRAIT_BITS];

/** The counts every cell adds to, whichever part of the file it is in. */
class CellTotals {
  nonEmpty = 0;
  empty = 0;
  missingMarkers = 0;
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
}

/** What one piece of the file tells about one column; plain data, so it can cross threads. */
export interface ColumnPart extends CellTotals {
  /** The piece's distinct values in the order they first appear, with their counts... */
  values: string[] | null;
  counts: Int32Array | null;
  /** ...or, once the column's kept values are settled, how often each of them appears in the piece, */
  keptCounts: Int32Array | null;
  /** and a distinct-count sketch of the values outside them (null when there were none). */
  others: Uint8Array | null;
  /** Parts of multi-value cells, per distinct value in order, until the piece alone passes the token cap. */
  tokenLists: string[][];
}

/** A column's kept values, once the distinct cap is reached: every later part counts only these. */
export interface KeptValues {
  index: Map<string, number>;
  shapes: ValueShape[];
}

export function keptValues(values: readonly string[]): KeptValues {
  return { index: new Map(values.map((value, i) => [value, i])), shapes: values.map(classifyValue) };
}

function tokensOf(value: string): string[] {
  const tokens: string[] = [];
  for (const part of value.split(/[;|,/+]/)) {
    const token = part.trim().toLowerCase();
    if (token) tokens.push(token);
  }
  return tokens;
}

/**
 * Reads one column's cells of one piece of the file (on whichever thread splits it). Each distinct
 * value is classified once per piece; once the column's kept values are known, values outside them
 * only feed a distinct-count sketch, as a single reader past the cap would.
 */
export class ColumnReader extends CellTotals {
  private readonly values = new Map<string, { count: number; shape: ValueShape }>();
  private readonly keptCounts: Int32Array | null;
  private others: HyperLogLog | null = null;
  private readonly tokenLists: string[][] = [];
  private readonly tokens = new Set<string>();

  constructor(private readonly kept: KeptValues | null) {
    super();
    this.keptCounts = kept ? new Int32Array(kept.shapes.length) : null;
  }

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
    let shape: ValueShape;
    if (this.kept) {
      const k = this.kept.index.get(value);
      if (k !== undefined) {
        this.keptCounts![k]++;
        shape = this.kept.shapes[k];
      } else {
        shape = classifyValue(value);
        (this.others ??= new HyperLogLog()).add(value);
        if (shape.traits & MULTI_VALUE) this.addTokens(value);
      }
    } else {
      const entry = this.values.get(value);
      if (entry) {
        entry.count++;
        shape = entry.shape;
      } else {
        shape = classifyValue(value);
        this.values.set(value, { count: 1, shape });
        if (shape.traits & MULTI_VALUE) this.addTokens(value);
      }
    }
    this.count(shape, value);
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

  private addTokens(value: string): void {
    // Past the cap on its own, the piece has nothing more to tell: the column's tokens are capped by then.
    if (this.tokens.size > TOKEN_CAP) return;
    const tokens = tokensOf(value);
    this.tokenLists.push(tokens);
    for (const token of tokens) this.tokens.add(token);
  }

  part(): ColumnPart {
    const counts = this.kept ? null : new Int32Array(this.values.size);
    if (counts) {
      let i = 0;
      for (const entry of this.values.values()) counts[i++] = entry.count;
    }
    return {
      nonEmpty: this.nonEmpty, empty: this.empty, missingMarkers: this.missingMarkers,
      shapes: this.shapes, traits: this.traits, wordSum: this.wordSum,
      minLength: this.minLength, maxLength: this.maxLength, lengthSum: this.lengthSum,
      integerSum: this.integerSum, integerCount: this.integerCount, zeroOrOne: this.zeroOrOne,
      values: this.kept ? null : [...this.values.keys()],
      counts,
      keptCounts: this.keptCounts,
      others: this.others?.registers ?? null,
      tokenLists: this.tokenLists,
    };
  }
}

/**
 * Everything profiling learns about one column, gathered from its parts in file order, in memory
 * bounded by the distinct-value cap. The outcome is the same as one reader going through the file:
 * the first `cap` distinct values are kept with their counts, later ones only estimated. Values
 * are kept here only until the column is judged: identifier columns leave nothing but counts and
 * lengths in the profile.
 */
export class ColumnAccumulator extends CellTotals {
  capped = false;
  /** Distinct parts of multi-value cells (`a;b|c`), to tell a coded list from prose. */
  readonly tokens = new Set<string>();
  tokensCapped = false;
  private readonly values = new Map<string, number>();
  private hll: HyperLogLog | null = null;

  constructor(private readonly cap: number) {
    super();
  }

  /** Whether the kept values are settled: no later part can add one. */
  get full(): boolean {
    return this.values.size >= this.cap;
  }

  keptValues(): string[] {
    return [...this.values.keys()];
  }

  /** Adds the next part of the file. */
  absorb(part: ColumnPart): void {
    this.nonEmpty += part.nonEmpty;
    this.empty += part.empty;
    this.missingMarkers += part.missingMarkers;
    for (let i = 0; i < SHAPE_COUNT; i++) this.shapes[i] += part.shapes[i];
    for (let i = 0; i < BITS.length; i++) this.traits[i] += part.traits[i];
    this.wordSum += part.wordSum;
    if (part.minLength < this.minLength) this.minLength = part.minLength;
    if (part.maxLength > this.maxLength) this.maxLength = part.maxLength;
    this.lengthSum += part.lengthSum;
    this.integerSum += part.integerSum;
    this.integerCount += part.integerCount;
    this.zeroOrOne += part.zeroOrOne;
    if (part.values) {
      addFirstKept(this.values, part.values, part.counts!, this.cap, (value) => this.overflow().add(value));
    } else {
      // Counted against the kept values, which are this accumulator's keys in order.
      const keptCounts = part.keptCounts!;
      let k = 0;
      for (const [value, count] of this.values) this.values.set(value, count + keptCounts[k++]);
      if (part.others) this.overflow().merge(part.others);
    }
    for (const tokens of part.tokenLists) {
      if (this.tokensCapped) break;
      for (const token of tokens) this.tokens.add(token);
      if (this.tokens.size > TOKEN_CAP) this.tokensCapped = true;
    }
  }

  /** The estimate of distinct values past the cap; it also holds every kept value. */
  private overflow(): HyperLogLog {
    if (!this.hll) {
      this.capped = true;
      this.hll = new HyperLogLog();
      for (const key of this.values.keys()) this.hll.add(key);
    }
    return this.hll;
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
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
}
