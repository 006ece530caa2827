/**
 * The disclosure rule of every public figure: no count below k. A figure is a list of categories
 * with counts; categories below k are merged into "Other", and if "Other" would itself fall below
 * k the smallest shown categories join it, so no small count can be derived by subtraction either.
 */
export interface FigureItem {
  label: string;
  /** null: fewer than k, printed as "<k". */
  count: number | null;
  /** Share of the figure's base, null when the count is withheld. */
  share: number | null;
}

export interface ProtectOptions {
  k: number;
  /** Share denominator; default the sum of the counts. */
  base?: number;
  /** Most categories shown (largest first, unless `keepOrder`); the rest join "Other". */
  limit?: number;
  keepOrder?: boolean;
  otherLabel?: string;
}

const item = (label: string, count: number, base: number): FigureItem => ({ label, count, share: base ? count / base : 0 });

/** Mutually exclusive categories (a partition of the records): merge small ones into "Other". */
export function protectPartition(entries: readonly { label: string; count: number }[], options: ProtectOptions): FigureItem[] {
  const { k, limit = Infinity, otherLabel = 'Other' } = options;
  const base = options.base ?? entries.reduce((n, e) => n + e.count, 0);
  const nonZero = entries.filter((e) => e.count > 0);
  const ranked = options.keepOrder ? [...nonZero] : [...nonZero].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
  const byRank = [...nonZero].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
  const shown = new Set(byRank.filter((e) => e.count >= k).slice(0, limit));
  let other = nonZero.filter((e) => !shown.has(e)).reduce((n, e) => n + e.count, 0);
  // Fold the smallest shown categories into "Other" until it is no longer a small cell.
  while (other > 0 && other < k && shown.size > 0) {
    const smallest = [...shown].sort((a, b) => a.count - b.count)[0];
    shown.delete(smallest);
    other += smallest.count;
  }
  const out = ranked.filter((e) => shown.has(e)).map((e) => item(e.label, e.count, base));
  if (other > 0) out.push(other >= k ? item(otherLabel, other, base) : { label: otherLabel, count: null, share: null });
  return out;
}

/** Independent counts (flags that may overlap): each is shown or withheld on its own. */
export function protectEach(entries: readonly { label: string; count: number }[], options: ProtectOptions): FigureItem[] {
  const { k } = options;
  const base = options.base ?? 0;
  return entries.map((e) => (e.count === 0 || e.count >= k ? item(e.label, e.count, base) : { label: e.label, count: null, share: null }));
}

/** A count for running text: the number, or "<k" when it is a small cell. */
export function protectedCount(count: number, k: number): string {
  return count > 0 && count < k ? `<${k}` : count.toLocaleString('en-US');
}
