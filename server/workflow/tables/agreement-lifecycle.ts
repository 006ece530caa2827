import { defineWorkflow } from '../types';

export const agreementLifecycle = defineWorkflow({
  entityType: 'agreement',
  states: ['draft', 'signed', 'expired', 'terminated'],
  transitions: [
    { action: 'sign', from: ['draft'], to: 'signed', roles: ['partner_liaison'], tone: 'primary', guards: ['signedDocumentOnFile'] },
    { action: 'terminate', from: ['signed'], to: 'terminated', roles: ['partner_liaison'], reason: 'required', tone: 'danger' },
    { action: 'expire', from: ['signed'], to: 'expired', roles: ['system'] },
  ],
});
