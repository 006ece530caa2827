import { defineWorkflow } from '../types';

/** The privacy officer judges a run; whoever started it cannot (four-eyes). */
export const anonymizationRun = defineWorkflow({
  entityType: 'anonymization_run',
  states: ['queued', 'running', 'completed', 'approved', 'rejected', 'failed'],
  transitions: [
    { action: 'start', from: ['queued'], to: 'running', roles: ['system'] },
    { action: 'complete', from: ['running'], to: 'completed', roles: ['system'] },
    { action: 'fail', from: ['queued', 'running'], to: 'failed', roles: ['system'], reason: 'required' },
    { action: 'approve', from: ['completed'], to: 'approved', roles: ['privacy_officer'], tone: 'primary', guards: ['fourEyes'] },
    { action: 'reject', from: ['completed'], to: 'rejected', roles: ['privacy_officer'], reason: 'required', tone: 'danger', guards: ['fourEyes'] },
  ],
});
