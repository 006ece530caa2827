import { agreementLifecycle } from './agreement-lifecycle';
import { mappingReview } from './mapping-review';
import { partnerOnboarding } from './partner-onboarding';
import { submissionProcessing } from './submission-processing';

/** Every tracked workflow, by the entity type its audit events use. */
export const WORKFLOWS = {
  partner: partnerOnboarding,
  agreement: agreementLifecycle,
  submission: submissionProcessing,
  mapping_version: mappingReview,
} as const;

export type WorkflowEntityType = keyof typeof WORKFLOWS;
export { agreementLifecycle, mappingReview, partnerOnboarding, submissionProcessing };
