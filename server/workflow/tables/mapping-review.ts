import { defineWorkflow } from '../types';

/** Four-eyes: a second steward, who neither wrote nor submitted the version, reviews it. */
export const mappingReview = defineWorkflow({
  entityType: 'mapping_version',
  states: ['draft', 'in_review', 'changes_requested', 'approved', 'superseded'],
  transitions: [
    { action: 'submit', from: ['draft'], to: 'in_review', roles: ['data_steward'], tone: 'primary', guards: ['mappingValid'] },
    { action: 'approve', from: ['in_review'], to: 'approved', roles: ['data_steward'], tone: 'primary', guards: ['fourEyes', 'mappingValid'] },
    { action: 'request_changes', from: ['in_review'], to: 'changes_requested', roles: ['data_steward'], reason: 'required', tone: 'danger', guards: ['fourEyes'] },
    { action: 'revise', from: ['changes_requested'], to: 'draft', roles: ['data_steward'], tone: 'neutral' },
    { action: 'supersede', from: ['approved'], to: 'superseded', roles: ['system'] },
  ],
});
