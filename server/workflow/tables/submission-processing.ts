import { defineWorkflow } from '../types';

/** Profiling and harmonization run in workers: those steps are the system's; stewards decide the rest. */
export const submissionProcessing = defineWorkflow({
  entityType: 'submission',
  states: ['received', 'profiling', 'profiled', 'harmonizing', 'harmonized', 'failed', 'rejected'],
  transitions: [
    { action: 'start_profiling', from: ['received'], to: 'profiling', roles: ['system'] },
    { action: 'finish_profiling', from: ['profiling'], to: 'profiled', roles: ['system'] },
    { action: 'harmonize', from: ['profiled', 'harmonized'], to: 'harmonizing', roles: ['data_steward'], tone: 'primary', guards: ['approvedMapping', 'partnerMaySubmit'] },
    { action: 'finish_harmonization', from: ['harmonizing'], to: 'harmonized', roles: ['system'] },
    { action: 'fail', from: ['profiling', 'harmonizing'], to: 'failed', roles: ['system'], reason: 'required' },
    { action: 'retry', from: ['failed'], to: 'received', roles: ['data_steward'], tone: 'neutral' },
    { action: 'reject', from: ['received', 'profiled', 'failed'], to: 'rejected', roles: ['data_steward'], reason: 'required', tone: 'danger' },
  ],
});
