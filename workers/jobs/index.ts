import type { HandlerMap } from '../runtime';
import { purgeExpiredSessionsJob } from './purge-expired-sessions';
import { selfTestJob } from './self-test';
import { verifyAuditChainJob } from './verify-audit-chain';

/** Every catalog entry has exactly one handler: the type refuses a missing one. */
export const HANDLERS: HandlerMap = {
  'audit.verify-chain': verifyAuditChainJob,
  'sessions.purge-expired': purgeExpiredSessionsJob,
  'jobs.self-test': selfTestJob,
};
