/** Pure builders of published files and reports: no express, queue or database imports. */
export { csvLine, parseCsvRecord, readCsvBatches, readCsvLineBatches } from './csv-records';
export { MicrodataTally } from './microdata-tally';
export { buildCodebook, codebookCsv, codebookFromRecords, CODEBOOK_COLUMNS } from './codebook';
export type { CodebookEntry, CodebookValue } from './codebook';
export { renderCodebookPdf } from './codebook-pdf';
export { buildReportFigures, CORRIDOR } from './report-figures';
export type { ReportFigures } from './report-figures';
export { renderStatisticalReport, REPORT_PAGES } from './statistical-report-pdf';
export type { ReportMeta, ReportPrivacy } from './statistical-report-pdf';
export { protectEach, protectPartition, protectedCount } from './small-cells';
export type { FigureItem } from './small-cells';
export { buildCitation, buildManifest, COLLABORATIVE, TERMS_OF_USE } from './manifest';
export type { Contributor, ManifestArtifact } from './manifest';
export { manifestPrivacy, privacyOfRun } from './privacy-summary';
export { renderContributionReport } from './contribution-report-pdf';
export type { ContributionReportData } from './contribution-report-pdf';
