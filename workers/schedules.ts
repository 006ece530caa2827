import { config } from '../server/config';
import type { JobName } from './jobs/catalog';

/** Repeatable jobs (BullMQ job schedulers), visible in the jobs view. Cron in UTC. */
export const SCHEDULES: { id: string; job: JobName; pattern: string }[] = [
  { id: 'daily-audit-verification', job: 'audit.verify-chain', pattern: '30 2 * * *' },
  { id: 'daily-agreement-sweep', job: 'partners.agreement-sweep', pattern: '0 6 * * *' },
  { id: 'daily-raw-file-retention', job: 'submissions.retention-sweep', pattern: '30 3 * * *' },
  { id: 'hourly-session-purge', job: 'sessions.purge-expired', pattern: '0 * * * *' },
  // Read when the schedules are installed, so importing this file needs no configuration.
  { id: 'quarterly-contribution-reports', job: 'reports.quarterly-contributions', get pattern() { return config().CONTRIBUTION_REPORT_CRON; } },
];
