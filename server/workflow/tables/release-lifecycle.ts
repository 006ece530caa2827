import { defineWorkflow } from '../types';

/**
 * Sign-off needs a privacy officer and a release manager, two people, neither the composer: each
 * sign-off is recorded by `sign_off`; the second approval moves the release to approved.
 */
export const releaseLifecycle = defineWorkflow({
  entityType: 'release',
  states: ['draft', 'anonymizing', 'in_review', 'approved', 'publishing', 'published', 'retracted'],
  transitions: [
    { action: 'start_anonymization', from: ['draft'], to: 'anonymizing', roles: ['release_manager'], tone: 'primary', guards: ['hasSubmissions'], asks: ['policyId'] },
    { action: 'run_approved', from: ['anonymizing'], to: 'in_review', roles: ['system'] },
    { action: 'run_rejected', from: ['anonymizing'], to: 'draft', roles: ['system'] },
    { action: 'sign_off', from: ['in_review'], to: 'in_review', roles: ['privacy_officer', 'release_manager'], tone: 'primary', guards: ['notComposer', 'notOtherSigner'], asks: ['comment'] },
    { action: 'approve', from: ['in_review'], to: 'approved', roles: ['system'], guards: ['noUnresolvedDifferencing'] },
    { action: 'reject_signoff', from: ['in_review'], to: 'draft', roles: ['privacy_officer', 'release_manager'], reason: 'required', tone: 'danger', guards: ['notComposer'] },
    { action: 'publish', from: ['approved'], to: 'publishing', roles: ['release_manager'], tone: 'primary' },
    { action: 'finish_publishing', from: ['publishing'], to: 'published', roles: ['system'] },
    { action: 'publishing_failed', from: ['publishing'], to: 'approved', roles: ['system'], reason: 'required' },
    { action: 'retract', from: ['published'], to: 'retracted', roles: ['release_manager'], reason: 'required', tone: 'danger' },
  ],
});
