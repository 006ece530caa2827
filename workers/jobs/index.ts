import type { HandlerMap } from '../runtime';
import { agreementSweepJob } from './agreement-sweep';
import { anonymizeReleaseJob } from './anonymize-release';
import { buildArtifactJob } from './build-artifact';
import { contributionReportJob } from './contribution-report';
import { quarterlyContributionReportsJob } from './contribution-report-schedule';
import { harmonizeSubmissionJob } from './harmonize-submission';
import { profileSubmissionJob } from './profile-submission';
import { publishReleaseJob } from './publish-release';
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
  'releases.publish': publishReleaseJob,
  'releases.artifact': buildArtifactJob,
  'reports.contribution': contributionReportJob,
  'reports.quarterly-contributions': quarterlyContributionReportsJob,
  'jobs.self-test': selfTestJob,
};
