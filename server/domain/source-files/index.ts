export { openSourceFile, type SourceFile, type SourceFileOptions, type SourceRow } from './open-source-file';
export { SourceFileError, type SourceFileErrorCode } from './source-file-error';
export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-limits';
export type { Delimiter } from './detect-delimiter';
export { looksLikeFormula } from './formula-cells';
