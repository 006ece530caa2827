import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app';
import { buildContext } from '../../server/build-context';
import { loadConfig, type Config } from '../../server/config';
import type { AppContext } from '../../server/context';
import { hashPassword } from '../../server/auth/passwords';
import { users, type Role } from '../../db/schema';
import { HANDLERS } from '../../workers/jobs';
import { redisConnection } from '../../workers/queues/connection';
import { startWorkerPool, type WorkerPool } from '../../workers/worker-pool';
import { logger } from '../../server/logger';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestApp {
  ctx: AppContext;
  baseUrl: string;
  close(): Promise<void>;
  startWorkers(): Promise<WorkerPool>;
}

/** The real app on an ephemeral port, against the test PostgreSQL and Redis; queues isolated per file. */
export async function startTestApp(overrides: Partial<Config> = {}, base: Config = loadConfig()): Promise<TestApp> {
  const cfg: Config = { ...base, QUEUE_PREFIX: `t-${randomUUID().slice(0, 8)}`, ...overrides };
  const built = buildContext(cfg);
  const server: Server = await new Promise((resolve) => {
    const s = createApp(built.ctx).listen(0, '127.0.0.1', () => resolve(s));
  });
  const pools: WorkerPool[] = [];
  const connections: ReturnType<typeof redisConnection>[] = [];
  return {
    ctx: built.ctx,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async startWorkers() {
      const connection = redisConnection(cfg.REDIS_URL, 'worker');
      connections.push(connection);
      const pool = await startWorkerPool({
        connection, prefix: cfg.QUEUE_PREFIX, handlers: HANDLERS, concurrency: 2,
        deps: { db: built.ctx.db, pool: built.database.pool, cfg, blobs: built.ctx.blobs, jobs: built.ctx.jobs, log: logger },
      });
      pools.push(pool);
      return pool;
    },
    async close() {
      await Promise.all(pools.map((p) => p.close()));
      connections.forEach((c) => c.disconnect());
      await new Promise((r) => server.close(r));
      await built.close();
    },
  };
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export async function createTestUser(ctx: AppContext, roles: Role[], partnerId: string | null = null): Promise<TestUser> {
  const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@test.ctdc.org`;
  const [row] = await ctx.db
    .insert(users)
    .values({ email, name: `Test ${roles.join(' ')}`, roles, partnerId, passwordHash: await hashPassword(TEST_PASSWORD) })
    .returning();
  return { id: row.id, email, name: row.name, roles };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like API client: keeps the session cookie and sends the CSRF token on changes. */
export class ApiClient {
  private cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  async login(email: string, password = TEST_PASSWORD): Promise<ApiResponse> {
    const res = await this.request('POST', '/api/auth/login', { email, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }

  get sessionCookie() {
    return this.cookie;
  }

  useCookie(cookie: string | null) {
    this.cookie = cookie;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !(body instanceof FormData)) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') h['x-csrf-token'] ??= this.csrfToken;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method, headers: h, body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) { return this.request<T>('GET', path); }
  post<T = any>(path: string, body?: unknown) { return this.request<T>('POST', path, body ?? {}); }
  put<T = any>(path: string, body: unknown) { return this.request<T>('PUT', path, body); }
  patch<T = any>(path: string, body: unknown) { return this.request<T>('PATCH', path, body); }
  delete<T = any>(path: string) { return this.request<T>('DELETE', path); }
}

export async function signedIn(app: TestApp, roles: Role[], partnerId: string | null = null) {
  const user = await createTestUser(app.ctx, roles, partnerId);
  const client = new ApiClient(app.baseUrl);
  const res = await client.login(user.email);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { user, client };
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
