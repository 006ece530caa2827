import { randomBytes } from 'node:crypto';
import { runMigrations } from '../../db/migrate';
import { loadConfig } from '../../server/config';
import { ApiClient, signedIn, startTestApp, waitFor, type TestApp } from '../support/harness';
import { insertPartner } from '../support/partners';
import { privatePostgres, privateRedis } from '../support/private-servers';
import { generatedBytes, upload, waitForSubmission } from '../support/submissions';

/**
 * PostgreSQL, then Redis, restart while the API serves requests and a job runs: requests during the
 * outage get a clean 503 quickly, nothing hangs, and the API and workers recover on their own.
 */
let pg: Awaited<ReturnType<typeof privatePostgres>>;
let redis: Awaited<ReturnType<typeof privateRedis>>;
let app: TestApp;
let steward: ApiClient;
let partnerId: string;

beforeAll(async () => {
  pg = await privatePostgres();
  redis = await privateRedis();
  const cfg = loadConfig({ ...process.env, DATABASE_URL: pg.url('ctdc'), REDIS_URL: redis.url, DATABASE_APP_PASSWORD: randomBytes(8).toString('hex') });
  await runMigrations(cfg);
  app = await startTestApp({}, cfg);
  await app.startWorkers();
  partnerId = (await insertPartner(app.ctx, 'active')).id;
  steward = (await signedIn(app, ['data_steward'])).client;
}, 120_000);
afterAll(async () => {
  await app?.close();
  pg?.destroy();
  redis?.destroy();
});

/** Requests during an outage: each answers within the bound, with 503 and a readable body, or succeeds. */
async function probeDuring(outage: () => Promise<void> | void, path: string) {
  const seen: { status: number; ms: number; code?: string }[] = [];
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const t = Date.now();
      const res = await steward.get(path);
      seen.push({ status: res.status, ms: Date.now() - t, code: res.body?.code });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await new Promise((r) => setTimeout(r, 300));
  await outage();
  stop = true;
  await loop;
  return seen;
}

it('PostgreSQL restarts: 503 while it is down, recovery without restarting anything', async () => {
  const bytes = await generatedBytes('hotline', 60_000, 5);
  const sub = (await upload(steward, partnerId, bytes, 'during-pg-restart.csv')).body.id as string;
  const seen = await probeDuring(async () => {
    pg.stop();
    await new Promise((r) => setTimeout(r, 2500));
    pg.start();
  }, '/api/submissions');
  const during = seen.filter((s) => s.status !== 200);
  expect(during.length).toBeGreaterThan(0);
  expect(during.every((s) => s.status === 503 && s.code === 'unavailable')).toBe(true);
  expect(Math.max(...seen.map((s) => s.ms))).toBeLessThan(8000);
  await waitFor(async () => (await steward.get('/api/submissions')).status === 200, 30_000, 'the API to recover');
  expect((await new ApiClient(app.baseUrl).get('/api/health')).body).toEqual({ status: 'ok', database: 'up', redis: 'up' });
  const done = await waitForSubmission(app, sub, ['profiled', 'failed'], 120_000);
  expect(done.status).toBe('profiled');
  expect(done.profile!.rowCount).toBe(60_000);
});

it('Redis restarts: health says so, uploads refuse cleanly, workers reconnect and carry on', async () => {
  const seen = await probeDuring(async () => {
    redis.stop();
    await new Promise((r) => setTimeout(r, 500));
    const health = await new ApiClient(app.baseUrl).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.redis).toBe('down');
    const refused = await upload(steward, partnerId, Buffer.from('gender,age\nF,17\n'), 'while-redis-down.csv');
    expect(refused.status).toBe(503);
    expect(refused.body.message).toMatch(/unavailable/);
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
  }, '/api/partners');
  expect(seen.every((s) => s.ms < 8000)).toBe(true);
  await waitFor(async () => (await new ApiClient(app.baseUrl).get('/api/health')).status === 200, 30_000, 'health to recover');
  const after = await upload(steward, partnerId, Buffer.from('gender,age\nF,17\nM,40\n'), 'after-redis.csv');
  expect(after.status).toBe(201);
  const done = await waitForSubmission(app, after.body.id, ['profiled', 'failed'], 60_000);
  expect(done.status).toBe('profiled');
});
