import { agreementLifecycle } from './agreement-lifecycle';
import { partnerOnboarding } from './partner-onboarding';

/** Every tracked workflow, by the entity type its audit events use. */
export const WORKFLOWS = {
  partner: partnerOnboarding,
  agreement: agreementLifecycle,
} as const;

export type WorkflowEntityType = keyof typeof WORKFLOWS;
export { agreementLifecycle, partnerOnboarding };
