import type { HandlerMap } from '../runtime';
import { agreementSweepJob } from './agreement-sweep';
import { anonymizeReleaseJob } from './anonymize-release';
import { harmonizeSubmissionJob } from './harmonize-submission';
import { profileSubmissionJob } from './profile-submission';
import { retentionSweepJob } from './retention-sweep';
import { purgeExpiredSessionsJob } from './purge-expired-sessions';
import { selfTestJob } from './self-test';
import { verifyAuditChainJob } from './verify-audit-chain';

/** Every catalog entry has exactly one handler: the type refuses a missing one. */
export const HANDLERS: HandlerMap = {
  'audit.verify-chain': verifyAuditChainJob,
  'sessions.purge-expired': purgeExpiredSessionsJob,
  'partners.agreement-sweep': agreementSweepJob,
  'submissions.profile': profileSubmissionJob,
  'submissions.harmonize': harmonizeSubmissionJob,
  'submissions.retention-sweep': retentionSweepJob,
  'anonymization.run': anonymizeReleaseJob,
  'jobs.self-test': selfTestJob,
};
