import { agreementLifecycle } from './agreement-lifecycle';
import { anonymizationRun } from './anonymization-run';
import { mappingReview } from './mapping-review';
import { partnerOnboarding } from './partner-onboarding';
import { releaseLifecycle } from './release-lifecycle';
import { submissionProcessing } from './submission-processing';

/** Every tracked workflow, by the entity type its audit events use. */
export const WORKFLOWS = {
  partner: partnerOnboarding,
  agreement: agreementLifecycle,
  submission: submissionProcessing,
  mapping_version: mappingReview,
  anonymization_run: anonymizationRun,
  release: releaseLifecycle,
} as const;

export type WorkflowEntityType = keyof typeof WORKFLOWS;
export { agreementLifecycle, anonymizationRun, mappingReview, partnerOnboarding, releaseLifecycle, submissionProcessing };
