import { COLORS, PAGE, safeText, type Pdf } from './pdf-document';
import type { FigureItem } from './small-cells';

export interface BarChartOptions {
  title: string;
  items: readonly FigureItem[];
  k: number;
  /** Left edge and width; default the full text width. */
  x?: number;
  width?: number;
  labelWidth?: number;
  rowHeight?: number;
  note?: string;
}

/** "1,234 (12.3 %)", or "<k" for a withheld small cell. */
export function figureText(item: FigureItem, k: number): string {
  if (item.count === null) return `<${k}`;
  const share = item.share === null ? '' : ` (${(item.share * 100).toFixed(1)} %)`;
  return `${item.count.toLocaleString('en-US')}${share}`;
}

/**
 * A horizontal bar chart drawn with vector primitives: one row per item, its label, a bar scaled to
 * the largest count, and the figure. Withheld cells get no bar. Returns the y below the chart.
 */
export function barChart(doc: Pdf, options: BarChartOptions): number {
  const x = options.x ?? PAGE.margin;
  const width = options.width ?? PAGE.width - 2 * PAGE.margin;
  const labelWidth = options.labelWidth ?? Math.min(190, width * 0.42);
  const rowHeight = options.rowHeight ?? 13;
  const valueWidth = 80;
  const barMax = width - labelWidth - valueWidth - 8;
  let y = doc.y;
  doc.fillColor(COLORS.ink).font('Helvetica-Bold').fontSize(11).text(safeText(options.title), x, y, { width, lineBreak: false });
  y += 16;
  const max = Math.max(1, ...options.items.map((i) => i.count ?? 0));
  if (options.items.length === 0) {
    doc.font('Helvetica').fontSize(9).fillColor(COLORS.muted).text('No records', x, y, { lineBreak: false });
    y += rowHeight;
  }
  options.items.forEach((item, i) => {
    const top = y + i * rowHeight;
    doc.font('Helvetica').fontSize(8.5).fillColor(COLORS.ink)
      .text(safeText(item.label), x, top + 2, { width: labelWidth - 6, height: rowHeight, ellipsis: true, lineBreak: false });
    const barX = x + labelWidth;
    if (item.count !== null && item.count > 0) {
      doc.rect(barX, top + 2, Math.max(1, (item.count / max) * barMax), rowHeight - 4).fill(i % 2 ? COLORS.barAlt : COLORS.bar);
    }
    const barEnd = barX + (item.count ? (item.count / max) * barMax : 0) + 4;
    doc.font('Helvetica').fontSize(8.5).fillColor(item.count === null ? COLORS.withheld : COLORS.ink)
      .text(figureText(item, options.k), barEnd, top + 2, { width: valueWidth, lineBreak: false });
  });
  if (options.items.length) {
    doc.moveTo(x + labelWidth, y).lineTo(x + labelWidth, y + options.items.length * rowHeight).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    y += options.items.length * rowHeight;
  }
  if (options.note) {
    doc.font('Helvetica-Oblique').fontSize(8).fillColor(COLORS.muted).text(safeText(options.note), x, y + 2, { width, lineBreak: false });
    y += 12;
  }
  doc.x = PAGE.margin;
  doc.y = y + 10;
  return doc.y;
}
