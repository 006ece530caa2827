/** Positions of a partner file's columns by header text (trimmed, BOM removed). */
export interface SourceHeader {
  names: readonly string[];
  /** Column position, or -1 when absent, -2 when the name appears more than once. */
  indexOf(name: string): number;
}

export const ABSENT = -1;
export const DUPLICATE = -2;

export function cleanHeaderName(name: string): string {
  return name.replace(/^\uFEFF/, '').trim();
}

export function readSourceHeader(header: readonly string[]): SourceHeader {
  const names = header.map(cleanHeaderName);
  const positions = new Map<string, number>();
  names.forEach((name, i) => positions.set(name, positions.has(name) ? DUPLICATE : i));
  return { names, indexOf: (name) => positions.get(name.trim()) ?? ABSENT };
}
