/**
 * Records in columnar form: each column is dictionary-encoded (code per record, value per code).
 * Missing information is `''`. Built incrementally by {@link DatasetBuilder} while a worker streams
 * harmonized records, so a million records cost a few typed arrays, not a million objects.
 */
export interface EncodedColumn {
  readonly name: string;
  readonly codes: Int32Array;
  readonly values: readonly string[];
}

export interface Dataset {
  readonly size: number;
  /** Candidate quasi-identifiers; a policy chooses its QIs among them. */
  readonly columns: readonly EncodedColumn[];
  /** For the per-partner suppression report. */
  readonly partner: EncodedColumn;
  /** Country of exploitation as harmonized, for the per-country suppression report. */
  readonly country: EncodedColumn;
  /** The variable l-diversity may be checked on, if any. */
  readonly sensitive?: EncodedColumn;
}

export type Cell = string | null | undefined;

class ColumnEncoder {
  private codes = new Int32Array(1024);
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  constructor(readonly name: string) {}

  push(index: number, value: Cell): void {
    const text = value ?? '';
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(text, id);
      this.values.push(text);
    }
    if (index === this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[index] = id;
  }

  finish(size: number): EncodedColumn {
    return { name: this.name, codes: this.codes.slice(0, size), values: this.values };
  }
}

export interface DatasetBuilderOptions {
  /** Column names of the QI values passed to add(), in order. */
  columns: readonly string[];
  /** Name of the sensitive variable for l-diversity, when the caller provides one. */
  sensitive?: string;
  /** Column whose value is reported as the country; default `CountryOfExploitation`. */
  countryColumn?: string;
}

export class DatasetBuilder {
  private size = 0;
  private readonly columns: ColumnEncoder[];
  private readonly partner = new ColumnEncoder('partner');
  private readonly country: ColumnEncoder;
  private readonly sensitive?: ColumnEncoder;
  private readonly countryIndex: number;

  constructor(private readonly options: DatasetBuilderOptions) {
    if (new Set(options.columns).size !== options.columns.length) throw new Error('dataset columns must be unique');
    this.columns = options.columns.map((name) => new ColumnEncoder(name));
    const countryColumn = options.countryColumn ?? 'CountryOfExploitation';
    this.country = new ColumnEncoder(countryColumn);
    this.countryIndex = options.columns.indexOf(countryColumn);
    if (options.sensitive !== undefined) this.sensitive = new ColumnEncoder(options.sensitive);
  }

  /**
   * Adds one record: its QI values (in `columns` order, or an object keyed by column name), the
   * contributing partner, the sensitive value, and the country when it is not one of the columns.
   */
  add(values: readonly Cell[] | Readonly<Record<string, Cell>>, partnerId: string, sensitiveValue?: Cell, country?: Cell): this {
    const index = this.size;
    const { columns } = this.options;
    const list = Array.isArray(values) ? (values as readonly Cell[]) : columns.map((c) => (values as Record<string, Cell>)[c]);
    if (list.length !== columns.length) throw new Error(`expected ${columns.length} values, got ${list.length}`);
    for (let c = 0; c < columns.length; c++) this.columns[c].push(index, list[c]);
    this.partner.push(index, partnerId);
    this.country.push(index, country ?? (this.countryIndex >= 0 ? list[this.countryIndex] : ''));
    this.sensitive?.push(index, sensitiveValue);
    this.size++;
    return this;
  }

  build(): Dataset {
    const size = this.size;
    return {
      size,
      columns: this.columns.map((column) => column.finish(size)),
      partner: this.partner.finish(size),
      country: this.country.finish(size),
      sensitive: this.sensitive?.finish(size),
    };
  }
}
