/**
 * The anonymization engine (privacy.md): a plain module, no server, queue or database dependency.
 *
 * From a worker:
 *   const builder = new DatasetBuilder({ columns: policy.qis, sensitive: policy.lDiversity?.variable });
 *   for await (const r of harmonizedRecords) builder.add(policy.qis.map((qi) => r[qi]), r.partnerId, r.isForcedLabour);
 *   const result = await anonymizeAsync(builder.build(), policy, { onProgress: (p) => void job.updateProgress(p) });
 *   for (const { index, labels } of result.output.rows()) if (labels) … write the kept record …
 *   store result.measures and releaseClassCounts(result.output) with the run.
 */
export { anonymize, anonymizeAsync } from './anonymize';
export type { AnonymizationProgress, AnonymizationResult, AnonymizeOptions } from './anonymize';
export { AnonymizedOutput } from './anonymized-output';
export type { OutputRecord } from './anonymized-output';
export { hierarchyFromArxCsv, hierarchyToArxCsv } from './arx-csv';
export { DatasetPolicyMismatchError } from './combinations';
export { DatasetBuilder } from './dataset';
export type { Cell, Dataset, DatasetBuilderOptions, EncodedColumn } from './dataset';
export {
  AGE_BANDS,
  buildAgeHierarchy,
  buildCountryHierarchy,
  buildDefaultHierarchies,
  buildFlatHierarchy,
  buildYearHierarchy,
  DATASOURCE_VALUES,
  DEFAULT_QIS,
  GENDER_VALUES,
  MAJORITY_STATUS_VALUES,
} from './default-hierarchies';
export type { YearRange } from './default-hierarchies';
export { classCountsFromRows, findDifferencingExposures, releaseClassCounts } from './differencing';
export type { ReleaseClassCounts } from './differencing';
export { hierarchyHeight, HierarchyError, MISSING_VALUE, SUPPRESSED_LABEL, validateHierarchy } from './hierarchy';
export type { Hierarchy } from './hierarchy';
export { previewHierarchy } from './hierarchy-preview';
export type { HierarchyLevelPreview } from './hierarchy-preview';
export type { AnonymizationMeasures, ClassSizeBucket, DifferencingExposure, NodeMeasures, SuppressionCount } from './measure-types';
export { DEFAULT_K, DEFAULT_SUPPRESSION_LIMIT, defaultPolicy, maxSuppressedRecords } from './policy';
export type { AnonymizationPolicy, LDiversityRule } from './policy';
export { anonymizationPolicySchema, parseAnonymizationPolicy, PolicyValidationError } from './policy-schema';
