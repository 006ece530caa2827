import { defineWorkflow } from '../types';

export const partnerOnboarding = defineWorkflow({
  entityType: 'partner',
  states: ['prospect', 'engaged', 'agreement_pending', 'active', 'suspended', 'offboarded'],
  transitions: [
    { action: 'engage', from: ['prospect'], to: 'engaged', roles: ['partner_liaison'], tone: 'primary' },
    { action: 'request_agreement', from: ['engaged'], to: 'agreement_pending', roles: ['partner_liaison'], tone: 'primary' },
    {
      action: 'activate', from: ['agreement_pending'], to: 'active', roles: ['partner_liaison'], tone: 'primary',
      guards: ['signedAgreementInForce', 'primaryContact'],
    },
    { action: 'suspend', from: ['active'], to: 'suspended', roles: ['partner_liaison', 'system'], reason: 'required', tone: 'danger' },
    {
      action: 'reactivate', from: ['suspended'], to: 'active', roles: ['partner_liaison'], reason: 'required', tone: 'primary',
      guards: ['signedAgreementInForce', 'primaryContact'],
    },
    {
      action: 'offboard', from: ['prospect', 'engaged', 'agreement_pending', 'active', 'suspended'], to: 'offboarded',
      roles: ['partner_liaison'], reason: 'required', tone: 'danger', asks: ['keepContributions'],
    },
  ],
});
