export * from './spec-schema';
export { validateMapping, checkMappingStructure } from './validate-mapping';
export type { MappingIssue, MappingIssueCode, MappingValidation, MappingContext } from './validate-mapping';
export { compileMapping, MappingCompileError } from './compile-mapping';
export type { CompiledMapping, CompileOptions, MappedRow } from './compile-mapping';
export type { MappingRunReport, UnmappedColumnReport, RowProblem, RowProblemCode, ProblemCount, RunPart } from './run-accumulator';
export { suggestMapping } from './suggest';
export type { SuggestOptions } from './suggest';
export type {
  ApprovedMapping,
  DropSuggestion,
  MappingSuggestion,
  SuggestionSource,
  ValueSuggestion,
  VariableSuggestion,
} from './suggest/types';
export { mappingCoverage } from './coverage';
export type { MappingCoverage, UnmappedValueCount } from './coverage';
export { parseAge } from './parse-age';
export { parseDate, parseDateLenient, parseYear, fullYearsBetween } from './parse-date';
export { valueKey, DEFAULT_MISSING_VALUES } from './value-key';
export { deriveAgeBand, normaliseAgeBand } from '../standard';
