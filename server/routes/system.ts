import type { Router } from 'express';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { mountRoute } from '../http/route';
import { WORKFLOWS } from '../workflow/tables';

async function probe(fn: () => Promise<unknown>, timeoutMs = 2000): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)));
  try {
    await Promise.race([fn(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

export function registerSystemRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/health', permission: 'public', tag: 'system', summary: 'Database and Redis reachability (503 when either is down)', raw: true,
    async handler({ res }) {
      const [database, redis] = await Promise.all([probe(() => ctx.db.execute(sql`select 1`)), probe(() => ctx.redis.ping())]);
      const ok = database === 'up' && redis === 'up';
      res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, redis });
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/workflows', permission: 'workflows.read', tag: 'system',
    summary: 'The transition tables of every workflow (the UI shows buttons from them)',
    handler: async () => WORKFLOWS,
  });
}
