import type { CodebookEntry } from './codebook';
import { COLORS, createPdf, footers, PAGE, paragraph, pdfBuffer, roomLeft, safeText, title, type Pdf } from './pdf-document';

/** Derived variables can hold thousands of flag combinations; the CSV lists them all. */
const MAX_VALUES_IN_PDF = 40;
const ROW = 11;

function row(doc: Pdf, cells: [string, string, string], bold = false): void {
  const y = doc.y;
  const font = bold ? 'Helvetica-Bold' : 'Helvetica';
  doc.font(font).fontSize(8).fillColor(COLORS.ink);
  doc.text(safeText(cells[0] || '(empty)'), PAGE.margin + 12, y, { width: 230, lineBreak: false, ellipsis: true });
  doc.text(safeText(cells[1]), PAGE.margin + 250, y, { width: 170, lineBreak: false, ellipsis: true });
  doc.text(cells[2], PAGE.margin + 425, y, { width: 70, align: 'right', lineBreak: false });
  doc.x = PAGE.margin;
  doc.y = y + ROW;
}

function variable(doc: Pdf, e: CodebookEntry): void {
  const shown = e.values.filter((v) => v.kind === 'missing' || e.values.indexOf(v) < MAX_VALUES_IN_PDF);
  const hidden = e.values.length - shown.length;
  if (roomLeft(doc) < 70 + Math.min(shown.length, 8) * ROW) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor(COLORS.ink).text(safeText(`${e.position}. ${e.variable}`), PAGE.margin, doc.y + 4);
  doc.font('Helvetica').fontSize(8.5).fillColor(COLORS.muted)
    .text(safeText(`${e.label} - type ${e.type}, group ${e.group}${e.quasiIdentifier ? ', quasi-identifier' : ''} - missing: ${e.missing.toLocaleString('en-US')}`));
  doc.moveDown(0.2);
  row(doc, ['Value', 'Meaning', 'Records'], true);
  for (const v of shown) {
    if (roomLeft(doc) < ROW) doc.addPage();
    const meaning = v.kind === 'generalized' || v.kind === 'missing' ? v.valueLabel : v.valueLabel === v.value ? '' : v.valueLabel;
    row(doc, [v.value, meaning, v.count.toLocaleString('en-US')]);
    if (v.kind !== 'missing' && hidden > 0 && v === shown[shown.length - 2]) {
      row(doc, [`... ${hidden.toLocaleString('en-US')} more values: see the codebook CSV`, '', '']);
    }
  }
  doc.moveDown(0.4);
}

/**
 * The codebook as PDF, rendered from the same entries as the codebook CSV (read back from it),
 * so the two never disagree.
 */
export async function renderCodebookPdf(meta: { version: string; title: string; standardLabel: string; createdAt: Date }, entries: readonly CodebookEntry[]): Promise<Buffer> {
  const doc = createPdf({ title: `${meta.title} (${meta.version}): codebook`, subject: 'Codebook', createdAt: meta.createdAt });
  title(doc, `Codebook: ${meta.title}`, `Release ${meta.version} - ${meta.standardLabel}`);
  paragraph(doc, 'Every variable of the published microdata in column order, with its label, type and values. Counts are of the published records. ' +
    'Missing means no information (an empty cell). Generalized values are labels of the disclosure-control hierarchies (bands, regions, "*" for any value).', { size: 9 });
  doc.moveDown(0.5);
  for (const e of entries) variable(doc, e);
  footers(doc, `CTDC release ${meta.version} - codebook`);
  return pdfBuffer(doc);
}
