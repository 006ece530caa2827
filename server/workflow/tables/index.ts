import { partnerOnboarding } from './partner-onboarding';

/** Every tracked workflow, by the entity type its audit events use. */
export const WORKFLOWS = {
  partner: partnerOnboarding,
} as const;

export type WorkflowEntityType = keyof typeof WORKFLOWS;
export { partnerOnboarding };
