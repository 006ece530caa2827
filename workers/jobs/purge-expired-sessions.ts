import { purgeExpiredSessions } from '../../server/auth/sessions';
import type { JobHandler } from '../runtime';

export const purgeExpiredSessionsJob: JobHandler<'sessions.purge-expired'> = async (_payload, ctx) => {
  await purgeExpiredSessions(ctx.db);
};
