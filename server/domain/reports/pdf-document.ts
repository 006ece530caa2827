import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89, margin: 50 } as const;
export const COLORS = { ink: '#1f2933', muted: '#616e7c', bar: '#2f6690', barAlt: '#81a4cd', rule: '#cbd2d9', withheld: '#9aa5b1' } as const;

/**
 * The standard PDF fonts only encode WinAnsi (Latin-1 and a few symbols); anything else would print
 * as garbage, so it is replaced. Partner names and labels are mostly Latin; the CSV keeps exact text.
 */
export function safeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2192\u21d2]/g, '->')
    .replace(/[^\u0009\u000a\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');
}

/**
 * An A4 document with fixed metadata. The creation date is given (not "now") so the same inputs
 * give the same bytes: pdfkit derives the file id from it.
 */
export function createPdf(meta: { title: string; subject: string; createdAt: Date }): Pdf {
  return new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: safeText(meta.title), Subject: safeText(meta.subject), Author: 'Counter-Trafficking Data Collaborative', Creator: 'CTDC back office', CreationDate: meta.createdAt },
  });
}

/** Ends the document and collects its bytes. Listeners go on before end() so nothing is missed. */
export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export function title(doc: Pdf, text: string, sub?: string): void {
  doc.fillColor(COLORS.ink).font('Helvetica-Bold').fontSize(20).text(safeText(text), PAGE.margin, PAGE.margin);
  if (sub) doc.moveDown(0.2).font('Helvetica').fontSize(11).fillColor(COLORS.muted).text(safeText(sub));
  doc.moveDown(0.8);
}

export function heading(doc: Pdf, text: string): void {
  doc.moveDown(0.6).fillColor(COLORS.ink).font('Helvetica-Bold').fontSize(13).text(safeText(text), PAGE.margin);
  doc.moveDown(0.3);
}

export function paragraph(doc: Pdf, text: string, options: { size?: number; color?: string } = {}): void {
  doc.fillColor(options.color ?? COLORS.ink).font('Helvetica').fontSize(options.size ?? 10)
    .text(safeText(text), PAGE.margin, undefined, { width: PAGE.width - 2 * PAGE.margin });
}

/** "label: value" lines, the label in bold. */
export function facts(doc: Pdf, rows: readonly [string, string][]): void {
  for (const [label, value] of rows) {
    doc.fillColor(COLORS.ink).font('Helvetica-Bold').fontSize(10).text(`${safeText(label)}: `, PAGE.margin, undefined, { continued: true });
    doc.font('Helvetica').text(safeText(value));
  }
}

/** Room left on the page below the cursor. */
export const roomLeft = (doc: Pdf): number => PAGE.height - PAGE.margin - doc.y;

/** A footer line on every buffered page. */
export function footers(doc: Pdf, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor(COLORS.muted)
      .text(safeText(text), PAGE.margin, PAGE.height - PAGE.margin + 15, { width: PAGE.width - 2 * PAGE.margin, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
