import { barChart } from './bar-chart';
import { COLORS, createPdf, facts, footers, heading, PAGE, paragraph, pdfBuffer, roomLeft, safeText, title, type Pdf } from './pdf-document';

export interface ContributionReportData {
  partner: { name: string; shortCode: string; dataSource: string; cadence: string; status: string };
  period: { start: string | null; end: string | null };
  generatedAt: Date;
  freshness: { status: string | null; lastContributionAt: string | null };
  submissions: { receivedOn: string; format: string | null; status: string; records: number | null; harmonizedOn: string | null }[];
  releases: { version: string; title: string; status: string; publishedOn: string | null; recordsIncluded: number; recordsPublished: number | null }[];
  quality: {
    rows: number;
    unmapped: { column: string; variables: string[]; unmapped: number; defaulted: number }[];
    consistency: { fix: string; count: number }[];
    missingByVariable: { variable: string; missing: number }[];
  };
}

const n = (x: number) => x.toLocaleString('en-US');

function table(doc: Pdf, header: string[], rows: string[][], widths: number[]): void {
  const line = (cells: string[], bold: boolean) => {
    if (roomLeft(doc) < 14) doc.addPage();
    const y = doc.y;
    let x = PAGE.margin;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5).fillColor(COLORS.ink);
    cells.forEach((c, i) => {
      doc.text(safeText(c), x, y, { width: widths[i] - 6, lineBreak: false, ellipsis: true });
      x += widths[i];
    });
    doc.x = PAGE.margin;
    doc.y = y + 12;
  };
  line(header, true);
  if (!rows.length) line(['None', ...header.slice(1).map(() => '')], false);
  rows.forEach((r) => line(r, false));
  doc.moveDown(0.5);
}

/**
 * A partner's contribution report: what it sent, what was harmonized, what reached each release,
 * and data-quality findings. Shown to that partner and to staff only, so its own harmonized counts
 * appear as they are. It never holds a cell value from the partner's files.
 */
export async function renderContributionReport(d: ContributionReportData): Promise<Buffer> {
  const doc = createPdf({ title: `Contribution report: ${d.partner.name}`, subject: 'Contribution report', createdAt: d.generatedAt });
  const period = d.period.start || d.period.end ? `${d.period.start ?? 'start'} to ${d.period.end ?? 'today'}` : 'all contributions to date';
  title(doc, `Contribution report: ${d.partner.name}`, `Period: ${period} - generated ${d.generatedAt.toISOString().slice(0, 10)}`);

  const harmonized = d.submissions.filter((s) => s.status === 'harmonized');
  const records = harmonized.reduce((sum, s) => sum + (s.records ?? 0), 0);
  heading(doc, 'Summary');
  facts(doc, [
    ['Organisation', `${d.partner.name} (${d.partner.shortCode}), ${d.partner.dataSource}, ${d.partner.status}`],
    ['Submissions received', n(d.submissions.length)],
    ['Submissions harmonized', n(harmonized.length)],
    ['Records harmonized', n(records)],
    ['Submissions failed or rejected', n(d.submissions.filter((s) => s.status === 'failed' || s.status === 'rejected').length)],
    ['Expected cadence', d.partner.cadence.replace(/_/g, ' ')],
    ['Last contribution', d.freshness.lastContributionAt ?? 'none yet'],
    ['Freshness', (d.freshness.status ?? 'not applicable').replace(/_/g, ' ')],
  ]);

  heading(doc, 'Submissions');
  table(doc, ['Received', 'Format', 'Status', 'Records', 'Harmonized'],
    d.submissions.map((s) => [s.receivedOn, s.format ?? '-', s.status, s.records === null ? '-' : n(s.records), s.harmonizedOn ?? '-']), [95, 70, 90, 90, 95]);

  heading(doc, 'Records in each release');
  table(doc, ['Release', 'Title', 'Status', 'Your records', 'Published'],
    d.releases.map((r) => [r.version, r.title, r.status, n(r.recordsIncluded), r.recordsPublished === null ? '-' : n(r.recordsPublished)]), [60, 190, 75, 85, 85]);
  paragraph(doc, 'Your records: those of your harmonized submissions the release included. Published: those left after disclosure control (records in classes smaller than k are suppressed).', { size: 8, color: COLORS.muted });

  heading(doc, 'Data quality');
  paragraph(doc, `Findings of harmonization over ${n(d.quality.rows)} rows. Values are never shown here, only counts.`, { size: 9, color: COLORS.muted });
  doc.moveDown(0.3);
  table(doc, ['Source column', 'Feeds', 'Unmapped', 'Defaulted'],
    d.quality.unmapped.map((u) => [u.column, u.variables.join(', '), n(u.unmapped), n(u.defaulted)]), [140, 215, 70, 70]);
  table(doc, ['Consistency fix applied', 'Records'], d.quality.consistency.map((c) => [c.fix, n(c.count)]), [400, 95]);
  const missing = d.quality.missingByVariable.filter((m) => m.missing > 0).sort((a, b) => b.missing - a.missing || (a.variable < b.variable ? -1 : 1)).slice(0, 25);
  if (roomLeft(doc) < 60 + missing.length * 11) doc.addPage();
  barChart(doc, {
    title: 'Variables most often missing (records without a value)', k: 1, rowHeight: 11, labelWidth: 200,
    items: missing.map((m) => ({ label: m.variable, count: m.missing, share: d.quality.rows ? m.missing / d.quality.rows : 0 })),
  });

  footers(doc, `Contribution report - ${d.partner.name} - for the organisation and CTDC staff only`);
  return pdfBuffer(doc);
}
