import { barChart } from './bar-chart';
import { COLORS, createPdf, facts, footers, heading, PAGE, paragraph, pdfBuffer, safeText, title, type Pdf } from './pdf-document';
import type { CompletenessRow, ReportFigures } from './report-figures';
import { protectedCount } from './small-cells';

export interface ReportMeta {
  version: string;
  title: string;
  standardLabel: string;
  contributors: string[];
  /** Fixed creation date of the PDF (same inputs, same bytes). */
  createdAt: Date;
}

export interface ReportPrivacy {
  k: number;
  suppressionLimit: number;
  suppressedRecords: number;
  suppressedShare: number;
  qis: { qi: string; label: string; level: number; height: number; example: string }[];
  classes: { count: number; smallest: number | null };
  risk: { highest: number; average: number } | null;
  informationLoss: number | null;
  lDiversity: { variable: string; l: number } | null;
}

export const REPORT_PAGES = ['Totals', 'Who', 'Exploitation', 'Where', 'Completeness', 'Privacy'] as const;

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

function page(doc: Pdf, first: boolean, name: string, sub: string): void {
  if (!first) doc.addPage();
  title(doc, name, sub);
}

function completenessTable(doc: Pdf, rows: readonly CompletenessRow[], k: number): void {
  const half = Math.ceil(rows.length / 2);
  const colWidth = (PAGE.width - 2 * PAGE.margin - 20) / 2;
  const top = doc.y;
  rows.forEach((row, i) => {
    const x = PAGE.margin + (i < half ? 0 : colWidth + 20);
    const y = top + (i % half) * 11;
    doc.font('Helvetica').fontSize(7.5).fillColor(COLORS.ink).text(safeText(row.variable), x, y, { width: 150, lineBreak: false, ellipsis: true });
    const barX = x + 152;
    const barW = colWidth - 152 - 58;
    doc.rect(barX, y + 1, barW, 7).fill('#eef2f6');
    if (row.share !== null) doc.rect(barX, y + 1, barW * row.share, 7).fill(COLORS.bar);
    doc.font('Helvetica').fontSize(7.5).fillColor(row.share === null ? COLORS.withheld : COLORS.ink)
      .text(row.share === null ? row.note : pct(row.share), barX + barW + 4, y, { width: 54, lineBreak: false });
  });
  doc.x = PAGE.margin;
  doc.y = top + half * 11 + 10;
  paragraph(doc, `Share of published records with a value for each variable. Where the few records without (or with) a value would be fewer than k = ${k}, the share is not printed.`, { size: 8, color: COLORS.muted });
}

/**
 * The statistical report of a release (product.md "Reports"): six pages, every figure from the
 * published microdata and already protected (no count below k). Charts are vector drawings.
 */
export async function renderStatisticalReport(meta: ReportMeta, f: ReportFigures, privacy: ReportPrivacy): Promise<Buffer> {
  const doc = createPdf({ title: `${meta.title} (${meta.version}): statistical report`, subject: 'Statistical report', createdAt: meta.createdAt });
  const k = f.k;
  const sub = `Release ${meta.version} - ${meta.standardLabel}`;
  const half = (PAGE.width - 2 * PAGE.margin - 20) / 2;

  page(doc, true, `Statistical report: ${meta.title}`, sub);
  heading(doc, 'Totals');
  facts(doc, [
    ['Records published', f.total.toLocaleString('en-US')],
    ['Records suppressed to reach k', protectedCount(privacy.suppressedRecords, k)],
    ['Contributing organisations', meta.contributors.join('; ') || '-'],
  ]);
  doc.moveDown(0.8);
  barChart(doc, { title: 'Records by data source', items: f.byDataSource, k, rowHeight: 12 });
  heading(doc, 'About the figures');
  paragraph(doc, `Every figure in this report is counted from the published microdata of release ${meta.version}, the same file researchers download. ` +
    `The data are k-anonymous with k = ${k}: no count below ${k} is printed. Smaller categories are merged into "Other", or shown as "<${k}" when they cannot be merged. ` +
    'Quasi-identifiers may be generalized (for example years into two-year bands, countries into regions); generalized values are listed in the codebook.');

  page(doc, false, 'Who: victims identified', sub);
  barChart(doc, { title: 'Records by year of registration', items: f.byYear, k, rowHeight: 12 });
  barChart(doc, { title: 'Records by gender', items: f.byGender, k, rowHeight: 12 });
  barChart(doc, { title: 'Records by age band at registration', items: f.byAge, k, rowHeight: 12 });

  page(doc, false, 'Exploitation', sub);
  const flagNote = 'A record may have several flags; shares are of all published records.';
  barChart(doc, { title: 'Type of exploitation', items: f.exploitationTypes, k, rowHeight: 12, note: flagNote });
  barChart(doc, { title: 'Means of control', items: f.meansOfControl, k, rowHeight: 12 });
  barChart(doc, { title: 'Relationship to the recruiter', items: f.recruiterRelation, k, rowHeight: 12 });

  page(doc, false, 'Where: citizenship and country of exploitation', sub);
  const top = doc.y;
  barChart(doc, { title: 'Top citizenships', items: f.citizenships, k, width: half, labelWidth: 120, rowHeight: 12 });
  const leftEnd = doc.y;
  doc.y = top;
  barChart(doc, { title: 'Top countries of exploitation', items: f.countriesOfExploitation, k, x: PAGE.margin + half + 20, width: half, labelWidth: 120, rowHeight: 12 });
  doc.y = Math.max(leftEnd, doc.y);
  barChart(doc, { title: 'Main corridors (citizenship -> country of exploitation)', items: f.corridors, k, labelWidth: 280, rowHeight: 12, note: `Corridors with fewer than ${k} records are not shown.` });

  page(doc, false, 'Completeness per variable', sub);
  completenessTable(doc, f.completeness, k);

  page(doc, false, 'Privacy parameters', sub);
  // A share of a small count would give the count away.
  const small = privacy.suppressedRecords > 0 && privacy.suppressedRecords < k;
  const suppressed = `${protectedCount(privacy.suppressedRecords, k)}${small ? '' : ` (${pct(privacy.suppressedShare)} of the records)`}`;
  facts(doc, [
    ['Model', 'k-anonymity with full-domain generalization and record suppression'],
    ['k', String(privacy.k)],
    ['Suppression limit', pct(privacy.suppressionLimit)],
    ['Records suppressed', suppressed],
    ['Equivalence classes', `${privacy.classes.count.toLocaleString('en-US')}, the smallest holding ${privacy.classes.smallest ?? '-'} records`],
    ...(privacy.risk ? [['Re-identification risk (prosecutor)', `highest ${pct(privacy.risk.highest)}, average ${pct(privacy.risk.average)}`] as [string, string]] : []),
    ...(privacy.informationLoss !== null ? [['Information loss (ARX measure)', privacy.informationLoss.toFixed(4)] as [string, string]] : []),
    ['l-diversity', privacy.lDiversity ? `distinct l = ${privacy.lDiversity.l} on ${privacy.lDiversity.variable}` : 'not applied'],
  ]);
  heading(doc, 'Quasi-identifiers and generalization levels');
  for (const q of privacy.qis) {
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor(COLORS.ink).text(safeText(`${q.qi} (${q.label}): `), PAGE.margin, undefined, { continued: true });
    doc.font('Helvetica').text(safeText(q.level === 0 ? 'published as recorded' : q.level === q.height ? 'fully generalized (every value published as "*")' : `generalized to level ${q.level} of ${q.height}${q.example ? `, e.g. "${q.example}"` : ''}`));
  }

  footers(doc, `CTDC release ${meta.version} - statistical report - figures from the published microdata, no count below k = ${k}`);
  return pdfBuffer(doc);
}
